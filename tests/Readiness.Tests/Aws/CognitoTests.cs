using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>Cognito user pools: MFA, password length and threat protection, judged alike from Terraform, CloudFormation and a live (moto) account, and recorded in the inventory.</summary>
public sealed class CognitoTests
{
    private static readonly string[] CognitoRules = ["RDY4601", "RDY4602", "RDY4603"];

    [Theory]
    [InlineData("Terraform/cognito")]
    [InlineData("CloudFormation/cognito")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task Live_user_pools_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await MotoCalls.QueryAsync(http, moto, "iam", ("Action", "CreateUser"), ("Version", "2010-05-08"), ("UserName", "deploy"));
        var open = await CreateAsync(http, moto, """{"PoolName":"shop-users","UserPoolTags":{"Environment":"production"}}""");
        var hardened = await CreateAsync(http, moto, """
            {"PoolName":"customers-prod","MfaConfiguration":"OPTIONAL","Policies":{"PasswordPolicy":{"MinimumLength":16}},"UserPoolAddOns":{"AdvancedSecurityMode":"ENFORCED"}}
            """);

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("cognito-idp");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string id) => findings.Where(f => f.Location.Resource?.Id == id).Select(f => f.RuleId).Where(CognitoRules.Contains).Distinct().Order().ToArray();
        Rules(open).ShouldBe(CognitoRules);
        Rules(hardened).ShouldBeEmpty();

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var pool = read.Resources.OfType<UserPool>().Single(p => p.Id == hardened);
        pool.MfaConfiguration.ShouldBe(Value<string>.Of("OPTIONAL"));
        pool.MinimumPasswordLength.ShouldBe(Value<int>.Of(16));
        read.Resources.OfType<UserPool>().Single(p => p.Id == open).Tags["Environment"].ShouldBe("production");
    }

    private static async Task<string> CreateAsync(HttpClient http, MotoServer moto, string body) =>
        (await MotoCalls.JsonAsync(http, moto, "cognito-idp", "AWSCognitoIdentityProviderService.CreateUserPool", body)).GetProperty("UserPool").GetProperty("Id").GetString()!;
}
