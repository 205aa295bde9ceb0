using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Readiness.Rules.Custom;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Aws;
using Readiness.Tests.Http;
using Readiness.Tests.Support;

namespace Readiness.Tests.Custom;

/// <summary>
/// The done-when, tried as a new user would: the example ruleset reports each of its four rules on the bundled
/// sample and a local HTTP target, in the console, SARIF (validated) and HTML; its resource rule judges an emulator account.
/// </summary>
public sealed class CustomRulesEndToEndTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-custom-e2e-");

    public void Dispose() => work.Delete(recursive: true);

    private static string Sample => Path.Combine(TestPaths.Samples, "custom-rules");

    [Fact]
    public async Task The_example_ruleset_reports_each_rule_at_its_line_or_resource_in_console_sarif_and_html()
    {
        await using var site = await LocalWebServer.StartAsync(_ => { }, (app, _) =>
            app.MapGet("/", (HttpContext context) => Results.Content("<html><body>orders</body></html>", "text/html")));
        var reports = Path.Combine(work.FullName, "reports");

        var run = CliRunner.Run("scan", Sample, "--url", site.HttpUrl, "--format", "json,sarif,html", "--output-dir", reports, "--no-color");

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("  ACME-001  Acme internal API token (ac****6b) is committed in app/billing.py; revoke it where it was issued");
        run.Stdout.ShouldContain("      at app/billing.py:7");
        run.Stdout.ShouldContain("  ACME-101  DbInstance aws_db_instance.orders has no Owner tag; tag it with the team that owns it.\n      at infra/main.tf:7 aws_db_instance.orders");
        run.Stdout.ShouldContain("  ACME-101  S3Bucket ExportsBucket has no Owner tag; tag it with the team that owns it.\n      at infra/exports.yaml:4 ExportsBucket");
        run.Stdout.ShouldContain("  ACME-201  infra/production.tfvars contains 'REPLACE_ME', which ACME-201 (No placeholder in production variables) forbids; change it before launch.\n      at infra/production.tfvars:2");
        run.Stdout.ShouldContain($"  ACME-301  {site.HttpUrl} sends no Permissions-Policy header, which ACME-301 (Permissions-Policy is set) requires;");
        run.Stdout.ShouldNotContain("acme_7c1e4b9a2f6d8e3c5a0b9d7f1e2c4a6b");

        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(reports, "results.json")));
        var custom = result.Findings.Where(f => f.Finding.RuleId.StartsWith("ACME-", StringComparison.Ordinal)).ToList();
        custom.Select(f => f.Finding.RuleId).Order().ShouldBe(["ACME-001", "ACME-101", "ACME-101", "ACME-201", "ACME-301"]);
        // The invoices bucket carries its Owner tag; the sample token in the ruleset itself is not a leak.
        custom.ShouldNotContain(f => f.Finding.Location.Resource != null && f.Finding.Location.Resource.Address == "aws_s3_bucket.invoices");
        custom.ShouldNotContain(f => f.Finding.Location.File != null && f.Finding.Location.File.Path.StartsWith(".readiness/", StringComparison.Ordinal));

        var sarifPath = Path.Combine(reports, "results.sarif");
        SarifValidator.Validate(sarifPath).ShouldBeEmpty();
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var rules = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(r => r.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()).ToList();
        var acme101 = rules.First(r => r.GetProperty("id").GetString() == "ACME-101");
        acme101.GetProperty("shortDescription").GetProperty("text").GetString().ShouldBe("Databases and buckets name their owner");
        acme101.GetProperty("help").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
        var results = sarif.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray()).ToList();
        foreach (var id in new[] { "ACME-001", "ACME-101", "ACME-201", "ACME-301" })
            results.ShouldContain(r => r.GetProperty("ruleId").GetString() == id);

        var html = File.ReadAllText(Path.Combine(reports, "report.html"));
        foreach (var id in new[] { "ACME-001", "ACME-101", "ACME-201", "ACME-301" }) html.ShouldContain(id);
        html.ShouldContain("Databases and buckets name their owner");
    }

    [Fact]
    public void A_custom_finding_is_suppressed_like_a_shipped_one()
    {
        var project = Path.Combine(work.FullName, "project");
        CopyFolder(Sample, project);
        Directory.CreateDirectory(Path.Combine(project, ".readiness", "suppressions"));
        File.WriteAllText(Path.Combine(project, ".readiness", "suppressions", "ACME-101.yaml"), $"""
            suppressions:
              - match: infra/exports.yaml
                reason: The exports bucket is owned by the data team, tagged by their own stack.
                owner: data-team
                expires: {DateTime.UtcNow.AddDays(30):yyyy-MM-dd}
            """);

        var run = CliRunner.Run("scan", project, "--format", "json", "--output-dir", Path.Combine(work.FullName, "reports"));

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(work.FullName, "reports", "results.json")));
        var acme101 = result.Findings.Where(f => f.Finding.RuleId == "ACME-101").ToList();
        acme101.Count.ShouldBe(2);
        acme101.Single(f => f.Finding.Location.File!.Path == "infra/exports.yaml").Suppression.ShouldNotBeNull();
        acme101.Single(f => f.Finding.Location.File!.Path == "infra/main.tf").Suppression.ShouldBeNull();
    }

    [Fact]
    public async Task The_resource_rule_judges_an_emulator_account_alike()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await Query(http, moto, "iam", [new("Action", "CreateUser"), new("Version", "2010-05-08"), new("UserName", "deploy")]);
        await Query(http, moto, "rds",
        [
            new("Action", "CreateDBInstance"), new("Version", "2014-10-31"), new("DBInstanceIdentifier", "orders-prod"), new("Engine", "postgres"),
            new("DBInstanceClass", "db.t4g.micro"), new("AllocatedStorage", "20"), new("MasterUsername", "app"), new("MasterUserPassword", "not-a-real-password-1"),
        ]);
        await Query(http, moto, "rds",
        [
            new("Action", "CreateDBInstance"), new("Version", "2014-10-31"), new("DBInstanceIdentifier", "billing-prod"), new("Engine", "postgres"),
            new("DBInstanceClass", "db.t4g.micro"), new("AllocatedStorage", "20"), new("MasterUsername", "app"), new("MasterUserPassword", "not-a-real-password-1"),
            new("Tags.Tag.1.Key", "Owner"), new("Tags.Tag.1.Value", "billing-team"),
        ]);
        await Rest(http, moto, HttpMethod.Put, "/untagged-bucket", null);
        await Rest(http, moto, HttpMethod.Put, "/tagged-bucket", null);
        await Rest(http, moto, HttpMethod.Put, "/tagged-bucket?tagging",
            "<Tagging><TagSet><Tag><Key>Owner</Key><Value>data-team</Value></Tag></TagSet></Tagging>");

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(Path.Combine(Sample, ".readiness", "ruleset.yaml"), TestPaths.Repo);
        var engine = new RuleEngine(ruleset.Rules.Where(r => r.Rule is CustomResourceRule));
        engine.CheckModel(new Evidence { Cloud = new CloudInventory(collection.Resources) });
        var (findings, errors) = engine.Complete();

        errors.ShouldBeEmpty();
        findings.Select(f => (f.RuleId, f.Location.Resource!.Arn, f.Undecided)).ShouldBe(
        [
            ("ACME-101", "arn:aws:rds:us-east-1:123456789012:db:orders-prod", false),
            ("ACME-101", "arn:aws:s3:::untagged-bucket", false),
        ], ignoreOrder: true);
        findings.Single(f => f.Location.Resource!.Id == "orders-prod").Message.ShouldBe("DbInstance orders-prod has no Owner tag; tag it with the team that owns it.");
    }

    private static async Task Query(HttpClient http, MotoServer moto, string service, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static async Task Rest(HttpClient http, MotoServer moto, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(moto.Endpoint, path));
        if (body is not null) request.Content = new StringContent(body);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
