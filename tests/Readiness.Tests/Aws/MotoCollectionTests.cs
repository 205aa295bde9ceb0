using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Runner.Sources.Aws.Services;

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
        // moto has no response headers policies: the local endpoint in front of it answers that one call.
        await using var aws = await FakeAws.StartAsync(upstream: moto.Endpoint);
        aws.On("cloudfront:ListResponseHeadersPolicies", FakeAnswer.Xml("""
            <ResponseHeadersPolicyList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><MaxItems>100</MaxItems><Quantity>1</Quantity><Items>
              <ResponseHeadersPolicySummary><Type>custom</Type><ResponseHeadersPolicy><Id>hardened-headers</Id><LastModifiedTime>2026-01-01T00:00:00Z</LastModifiedTime>
                <ResponseHeadersPolicyConfig><Name>hardened-headers</Name><SecurityHeadersConfig>
                  <StrictTransportSecurity><Override>true</Override><IncludeSubdomains>true</IncludeSubdomains><Preload>true</Preload><AccessControlMaxAgeSec>63072000</AccessControlMaxAgeSec></StrictTransportSecurity>
                  <ContentSecurityPolicy><Override>true</Override><ContentSecurityPolicy>default-src 'self'; frame-ancestors 'none'</ContentSecurityPolicy></ContentSecurityPolicy>
                  <ContentTypeOptions><Override>true</Override></ContentTypeOptions>
                  <FrameOptions><Override>true</Override><FrameOption>DENY</FrameOption></FrameOptions>
                </SecurityHeadersConfig></ResponseHeadersPolicyConfig>
              </ResponseHeadersPolicy></ResponseHeadersPolicySummary>
            </Items></ResponseHeadersPolicyList>
            """));
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(aws.Endpoint), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        var findings = AwsTestSupport.Judge(collection.Resources);
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Distinct().Order().ToArray();

        // The seed plans' mistakes, each reported on its ARN (the shared IaC controls judge live resources too).
        // moto's default PostgreSQL (9.3) on its default group does not force TLS (RDY2006).
        Rules(Seeded("badDbArn")).ShouldBe(["RDY2001", "RDY2002", "RDY2003", "RDY2004", "RDY2006", "RDY2090"], dump);
        Rules($"arn:aws:ec2:us-east-1:123456789012:security-group/{Seeded("devSecurityGroup")}").ShouldBe(["RDY2101", "RDY2102", "RDY2103"], dump);
        Rules(Seeded("badDistributionArn")).ShouldBe(["RDY2201", "RDY2202", "RDY2204", "RDY2205", "RDY2207"], dump);
        Rules(Seeded("cicdUserArn")).ShouldBe(["RDY2502", "RDY2595"], dump);
        Rules(Seeded("adminUserArn")).ShouldBe(["RDY2594", "RDY2595"], dump);
        Rules(Seeded("badSecretArn")).ShouldBe(["RDY2401", "RDY2490"], dump);
        // The emulated account has workloads and no budget (RDY4705 reads budgets, which moto answers).
        Rules("arn:aws:iam::123456789012:root").ShouldBe(["RDY2590", "RDY4705"], dump);
        Rules("arn:aws:s3:::alva-uploads").ShouldBe(["RDY2601", "RDY2602", "RDY2603", "RDY2605"], dump);

        // Their hardened twins report nothing.
        foreach (var clean in new[] { Seeded("goodDbArn"), $"arn:aws:ec2:us-east-1:123456789012:security-group/{Seeded("hardenedSecurityGroup")}",
                     Seeded("goodDistributionArn"), Seeded("edgeAclArn"), Seeded("readonlyUserArn"), Seeded("goodSecretArn"), "arn:aws:s3:::hardened-assets" })
            Rules(clean).ShouldBeEmpty($"{clean}\n{dump}");

        // What the shared IaC controls judge is collected as such.
        var db = collection.Resources.OfType<DbInstance>().Single(d => d.Provenance.Arn == Seeded("badDbArn"));
        (db.PubliclyAccessible.Known, db.DeletionProtection.Known, db.InPublicSubnet?.Known).ShouldBe((true, false, true));
        var dev = collection.Resources.OfType<SecurityGroup>().Single(g => g.Id == Seeded("devSecurityGroup"));
        dev.Ingress.Select(r => (r.FromPort.Known, r.ToPort.Known, r.Sources.Single().Known)).ShouldBe([(22, 22, "0.0.0.0/0"), (5432, 5432, "0.0.0.0/0"), (3000, 3003, "0.0.0.0/0")], ignoreOrder: true);
        var badCf = collection.Resources.OfType<Distribution>().Single(d => d.Provenance.Arn == Seeded("badDistributionArn"));
        (badCf.WebAclId.Known, badCf.Behaviors[0].ViewerProtocolPolicy.Known).ShouldBe((null, "allow-all"));
        badCf.Origins.ShouldHaveSingleItem().ShouldSatisfyAllConditions(o => o.IsS3.ShouldBeTrue(), o => o.AccessControlled.Known.ShouldBeFalse());
        var goodCf = collection.Resources.OfType<Distribution>().Single(d => d.Provenance.Arn == Seeded("goodDistributionArn"));
        (goodCf.WebAclId.Known, goodCf.Behaviors[0].ViewerProtocolPolicy.Known).ShouldBe((Seeded("edgeAclArn"), "redirect-to-https"));
        goodCf.Origins.ShouldHaveSingleItem().ProtocolPolicy.Known.ShouldBe("https-only");
        // No legacy Logging block: its access logs go through a CloudWatch Logs delivery (standard logging v2).
        goodCf.LoggingEnabled.Known.ShouldBeTrue();
        badCf.LoggingEnabled.Known.ShouldBeFalse("its delivery source has no delivery");
        collection.Resources.OfType<WebAcl>().Single().AssociatedResources.ShouldBe([Seeded("goodDistributionArn")]);
        collection.Resources.OfType<ResponseHeadersPolicy>().ShouldHaveSingleItem().ContentSecurityPolicy.Known.ShouldNotBeNull();
        var settings = collection.Resources.OfType<AccountSettings>().ToList();
        // The services the collector joins itself, plus every service with its own live collector (AwsServices; EBS adds to ec2).
        var collectors = AwsServices.All.Select(s => s.Live).OfType<ILiveCollector>().ToList();
        settings.Single(s => s.Provenance.Region is null).ServicesRead
            .ShouldBe(["iam", "cloudfront", "wafv2", .. collectors.Where(c => c.IsGlobal).Select(c => c.Service)], ignoreOrder: true);
        settings.Single(s => s.Provenance.Region == "us-east-1").ServicesRead
            .ShouldBe(new[] { "ec2", "rds", "elbv2", "wafv2" }.Concat(collectors.Where(c => !c.IsGlobal).Select(c => c.Service)).Distinct().ToList(), ignoreOrder: true);
    }

    [Fact]
    public async Task A_denied_call_is_a_coverage_gap_and_the_scan_exits_2_with_the_other_findings_still_reported()
    {
        await using var denying = await FakeAws.StartAsync(upstream: moto.Endpoint);
        denying.On("secretsmanager:ListSecrets", FakeAnswer.Json("""{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: secretsmanager:ListSecrets"}""", 400));
        var empty = Directory.CreateTempSubdirectory("readiness-aws-");
        try
        {
            // The in-process CLI signs with the test keys of Support/HermeticEnvironment (process-global, set once).
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

    [Fact]
    public async Task Role_arns_scan_several_accounts_in_one_run()
    {
        using var http = new HttpClient();
        var options = AwsTestSupport.Options(moto.Endpoint) with
        {
            RoleArns = ["arn:aws:iam::123456789012:role/readiness-audit", "arn:aws:iam::210987654321:role/readiness-audit"],
            Regions = ["us-east-1"],
        };
        var collection = await new AwsCollector(options, http).CollectAsync(CancellationToken.None);

        collection.Accounts.Order().ShouldBe(["123456789012", "210987654321"]);
        collection.Resources.Where(r => r.Provenance.Account == "123456789012").OfType<DbInstance>().Count().ShouldBe(2);
        collection.Resources.Where(r => r.Provenance.Account == "210987654321").OfType<DbInstance>().ShouldBeEmpty("the second account is empty");
        collection.Resources.OfType<AccountSettings>().Select(s => s.Id).Order()
            .ShouldBe(["123456789012/global", "123456789012/us-east-1", "210987654321/global", "210987654321/us-east-1"]);
    }
}
