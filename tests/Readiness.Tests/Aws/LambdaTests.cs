using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Lambda functions with their URLs, resource policies and environments: judged alike from Terraform, CloudFormation
/// (and SAM) and a live (moto) account, and recorded in the inventory without the environment's values.
/// </summary>
public sealed class LambdaTests
{
    private static readonly string[] LambdaRules = ["RDY4201", "RDY4202", "RDY4203", "RDY4204"];

    [Theory]
    [InlineData("Terraform/lambda")]
    [InlineData("CloudFormation/lambda")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    /// <summary>A literal secret in a function's environment is the secret rules' finding at its line, and only theirs.</summary>
    [Theory]
    [InlineData("Terraform/lambda/main.tf")]
    [InlineData("CloudFormation/lambda/template.yaml")]
    public void Literal_environment_secrets_are_reported_once_by_the_secret_rules(string fixture) =>
        FixtureVerifier.Verify(fixture, "RDY1001", "RDY1002", "RDY1003", "RDY1004", "RDY1005", "RDY1006");

    [Fact]
    public async Task Live_functions_are_judged_by_arn_and_round_trip_through_the_inventory_without_secret_values()
    {
        await using var moto = await MotoServer.StartAsync();
        var seeded = await moto.SeedAsync(script: "seed_lambda.py");
        using var http = new HttpClient();

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("lambda");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Where(LambdaRules.Contains).Distinct().Order().ToArray();
        Rules(seeded.GetProperty("public").GetString()!).ShouldBe(LambdaRules);
        Rules(seeded.GetProperty("hardened").GetString()!).ShouldBeEmpty();
        findings.ShouldAllBe(f => !f.Message.Contains("Kx9-vT2q-Lm7w") && (f.Snippet == null || !f.Snippet.Contains("Kx9-vT2q-Lm7w")));

        var json = AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources });
        json.ShouldNotContain("Kx9-vT2q-Lm7w");
        var read = AwsInventoryFile.Deserialize(json, "memory");
        var api = read.Resources.OfType<LambdaFunction>().Single(f => f.Id == "api-prod");
        api.UrlAuthType.ShouldBe(Value<string?>.Of("NONE"));
        api.Runtime.ShouldBe(Value<string?>.Of("python3.8"));
        api.Permissions.ShouldHaveSingleItem().Principal.ShouldBe(Value<string>.Of("*"));
        api.Environment.Single(v => v.Name == "DB_PASSWORD").HoldsLiteral.ShouldBe(Value<bool>.Of(true));
        read.Resources.OfType<LambdaFunction>().Single(f => f.Id == "worker-prod").Permissions.ShouldHaveSingleItem().NarrowsPrincipal.ShouldBeTrue();
    }
}
