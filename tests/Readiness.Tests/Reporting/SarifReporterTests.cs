using System.IO.Compression;
using System.Text.Json;
using Readiness.Rules.Engine;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Reporting;

public sealed class SarifReporterTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("readiness-sarif-");

    public void Dispose() => dir.Delete(recursive: true);

    private static JsonDocument Render(ScanResult result, ReportContext? context = null, SarifReporter? reporter = null)
    {
        using var stream = new MemoryStream();
        (reporter ?? new SarifReporter()).Write(result, context ?? new ReportContext(RuleCatalog.Default), stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    private string WriteFile(ScanResult result, ReportContext context)
    {
        var path = Path.Combine(dir.FullName, "results.sarif");
        using (var file = File.Create(path)) new SarifReporter().Write(result, context, file);
        return path;
    }

    [Fact]
    public void Sample_scan_passes_the_official_validator_with_GitHub_rules()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "coco-testai"), "--format", "sarif", "--output-dir", dir.FullName);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        SarifValidator.Validate(Path.Combine(dir.FullName, "results.sarif")).ShouldBeEmpty();
    }

    [Fact]
    public void Cloud_http_and_suppressed_results_pass_the_official_validator()
    {
        var context = new ReportContext(RuleCatalog.Default, "deploy") { SarifIncludeSuppressed = true };
        SarifValidator.Validate(WriteFile(SyntheticResults.Create(), context)).ShouldBeEmpty();
    }

    [Fact]
    public void The_validator_does_report_a_broken_file()
    {
        // Guards the guard: a result with an absolute file URI and no region is a problem the validator must see.
        var path = Path.Combine(dir.FullName, "broken.sarif");
        File.WriteAllText(path, """
            {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"R1"}]}},
             "results":[{"ruleId":"R1","message":{"text":"bad"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"arn:aws:s3:::b"}}}]}]}]}
            """);
        SarifValidator.Validate(path).ShouldNotBeEmpty();
    }

    [Fact]
    public void Each_evidence_kind_gets_its_own_category_and_repo_relative_locations()
    {
        using var sarif = Render(SyntheticResults.Create(), new ReportContext(RuleCatalog.Default, "deploy"));
        var runs = sarif.RootElement.GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()).ShouldBe(["readiness/code/", "readiness/aws/", "readiness/http/"]);

        foreach (var result in runs.SelectMany(r => r.GetProperty("results").EnumerateArray()))
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            // Files under the scanned subfolder's repository path; cloud and HTTP at their synthetic paths from the root.
            new[] { "deploy/", "cloud/aws/", "http/https/" }.ShouldContain(prefix => uri.StartsWith(prefix, StringComparison.Ordinal), uri);
            uri.ShouldNotContain(":");
            location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
            result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!.Length.ShouldBe(32);
        }

        var aws = runs[1].GetProperty("results").EnumerateArray().ToList();
        // Linked to its Terraform definition: at the IaC line. Not linked: the synthetic path, the ARN in message, properties and logical location.
        var linked = aws.Single(r => r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("Live RDS"));
        linked.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("deploy/infra/rds.tf");
        linked.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(12);
        var bucket = aws.Single(r => r.GetProperty("ruleId").GetString() == "RDY9003");
        bucket.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .ShouldBe("cloud/aws/123456789012/eu-west-2/s3/bucket/coco-uploads");
        bucket.GetProperty("message").GetProperty("text").GetString()!.ShouldContain("arn:aws:s3:::coco-uploads");
        bucket.GetProperty("properties").GetProperty("arn").GetString().ShouldBe("arn:aws:s3:::coco-uploads");
        bucket.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().ShouldBe("arn:aws:s3:::coco-uploads");

        // A run declares only its own rules, and every rule carries what GitHub needs.
        runs[2].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(["RDY9004"]);
        foreach (var rule in runs.SelectMany(r => r.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()))
        {
            rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldContain("security");
            double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        }
        runs[1].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString()!
            .ShouldContain("aws/iam/global");
    }

    [Fact]
    public void Suppressed_results_are_left_out_unless_asked_for_and_then_marked()
    {
        static IEnumerable<JsonElement> Results(JsonDocument d) => d.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray());
        var result = SyntheticResults.Create();

        using var plain = Render(result);
        Results(plain).Count().ShouldBe(result.Findings.Count - 1);
        Results(plain).Count(r => r.TryGetProperty("suppressions", out _)).ShouldBe(0);

        using var kept = Render(result, new ReportContext(RuleCatalog.Default) { SarifIncludeSuppressed = true });
        var suppressed = Results(kept).Single(r => r.TryGetProperty("suppressions", out _)).GetProperty("suppressions")[0];
        suppressed.GetProperty("status").GetString().ShouldBe("accepted");
        suppressed.GetProperty("kind").GetString().ShouldBe("external");
        suppressed.GetProperty("justification").GetString().ShouldBe("Test-only settings, never deployed; owner alice@example.com; expires 2027-06-30; ticket SEC-42; at .readiness/suppressions.yaml:4.");
    }

    [Fact]
    public void Over_the_result_limit_keeps_the_most_severe_and_warns()
    {
        var result = SyntheticResults.Create(bulkFindings: 300);
        var warnings = new StringWriter();
        using var sarif = Render(result, new ReportContext(RuleCatalog.Default) { Warnings = warnings }, new SarifReporter(maxResultsPerRun: 100));

        var code = sarif.RootElement.GetProperty("runs")[0];
        var kept = code.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("properties").GetProperty("severity").GetString()).ToList();
        kept.Count.ShouldBe(100);
        kept.ShouldAllBe(s => s == "critical" || s == "high");   // the 100 kept are the critical and high ones
        kept.Count(s => s == "critical").ShouldBe(result.Findings.Count(f => f.Finding.Source == Readiness.Rules.Model.EvidenceSource.Iac));
        code.GetProperty("properties").GetProperty("readinessTotalResults").GetInt32().ShouldBeGreaterThan(100);
        warnings.ToString().ShouldContain("keeps the 100 most severe of");
        warnings.ToString().ShouldContain("readiness/code");
    }

    [Fact]
    public void Over_the_gzip_limit_trims_until_the_file_fits()
    {
        var result = SyntheticResults.Create(bulkFindings: 3000);
        var warnings = new StringWriter();
        using var stream = new MemoryStream();
        new SarifReporter(maxGzippedBytes: 20_000).Write(result, new ReportContext(RuleCatalog.Default) { Warnings = warnings }, stream);

        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(stream.ToArray());
        gz.Length.ShouldBeLessThanOrEqualTo(20_000);
        warnings.ToString().ShouldContain("most severe of");
        JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
