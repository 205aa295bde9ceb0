using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Tests.Aws;

/// <summary>End to end against moto: collect an account seeded with the seed plans' mistakes, judge it, check by ARN.</summary>
public sealed class MotoCollectionTests(MotoCollectionTests.SeededMoto fixture) : IClassFixture<MotoCollectionTests.SeededMoto>
{
    /// <summary>One moto server for the class, seeded once: the tests only read it.</summary>
    public sealed class SeededMoto : IAsyncLifetime
    {
        public MotoServer Server { get; private set; } = null!;
        public System.Text.Json.JsonElement Seeded { get; private set; }

        public async Task InitializeAsync()
        {
            Server = await MotoServer.StartAsync();
            Seeded = await Server.SeedAsync();
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private MotoServer moto => fixture.Server;

    private string Seeded(string name) => fixture.Seeded.GetProperty(name).GetString()!;

    [Fact]
    public async Task Every_seeded_mistake_is_reported_by_arn_and_its_hardened_twin_is_clean()
    {
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        var findings = AwsTestSupport.Judge(collection.Resources);
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));

        findings.For(Seeded("cicdUserArn")).Select(f => f.RuleId).ShouldContain("RDY2595", dump);
        findings.For(Seeded("adminUserArn")).Select(f => f.RuleId).ShouldBe(["RDY2594", "RDY2595"], ignoreOrder: true, dump);
        findings.For(Seeded("readonlyUserArn")).ShouldBeEmpty(dump);
        findings.For(Seeded("badSecretArn")).Select(f => f.RuleId).ShouldContain("RDY2490", dump);
        findings.For(Seeded("goodSecretArn")).ShouldBeEmpty(dump);
        findings.For(Seeded("badDbArn")).Select(f => f.RuleId).ShouldContain("RDY2090", dump);
        findings.For(Seeded("goodDbArn")).ShouldBeEmpty(dump);
        findings.Where(f => f.RuleId == "RDY2590").ShouldHaveSingleItem(dump).Location.Resource!.Arn.ShouldBe("arn:aws:iam::123456789012:root");

        // What the shared IaC controls judge is collected as such.
        var db = collection.Resources.OfType<DbInstance>().Single(d => d.Provenance.Arn == Seeded("badDbArn"));
        (db.PubliclyAccessible.Known, db.DeletionProtection.Known, db.InPublicSubnet?.Known).ShouldBe((true, false, true));
        var dev = collection.Resources.OfType<SecurityGroup>().Single(g => g.Id == Seeded("devSecurityGroup"));
        dev.Ingress.Select(r => (r.FromPort.Known, r.ToPort.Known, r.Sources.Single().Known)).ShouldBe([(22, 22, "0.0.0.0/0"), (5432, 5432, "0.0.0.0/0"), (3000, 3003, "0.0.0.0/0")], ignoreOrder: true);
        var badCf = collection.Resources.OfType<Distribution>().Single(d => d.Provenance.Arn == Seeded("badDistributionArn"));
        (badCf.WebAclId.Known, badCf.Behaviors[0].ViewerProtocolPolicy.Known).ShouldBe((null, "allow-all"));
        var goodCf = collection.Resources.OfType<Distribution>().Single(d => d.Provenance.Arn == Seeded("goodDistributionArn"));
        (goodCf.WebAclId.Known, goodCf.Behaviors[0].ViewerProtocolPolicy.Known).ShouldBe((Seeded("edgeAclArn"), "redirect-to-https"));
        collection.Resources.OfType<WebAcl>().Single().AssociatedResources.ShouldBe([Seeded("goodDistributionArn")]);
        var settings = collection.Resources.OfType<AccountSettings>().ToList();
        settings.Single(s => s.Provenance.Region is null).ServicesRead.ShouldBe(["iam", "cloudfront", "wafv2"], ignoreOrder: true);
        settings.Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldBe(["ec2", "rds", "elbv2", "wafv2", "secretsmanager", "cloudtrail"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_denied_call_is_a_coverage_gap_and_the_scan_exits_2_with_the_other_findings_still_reported()
    {
        await using var denying = await FakeAws.StartAsync(upstream: moto.Endpoint);
        denying.On("secretsmanager:ListSecrets", FakeAnswer.Json("""{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: secretsmanager:ListSecrets"}""", 400));
        var empty = Directory.CreateTempSubdirectory("readiness-aws-");
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
            var outcome = Support.CliRunner.Run("scan", empty.FullName, "--aws", "--endpoint-url", denying.Endpoint.ToString(), "--regions", "us-east-1");
            outcome.ExitCode.ShouldBe(2, outcome.Stdout + outcome.Stderr);
            outcome.Stdout.ShouldContain("aws/123456789012/us-east-1/secretsmanager: ListSecrets failed: access denied (AccessDeniedException)");
            outcome.Stdout.ShouldContain(Seeded("cicdUserArn"));
            outcome.Stdout.ShouldNotContain(Seeded("badSecretArn"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
