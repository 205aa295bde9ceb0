using Readiness.Runner.Drift;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>The nightly job's state in S3 (moto on loopback): --output-dir, --baseline and drift read and write s3:// locations.</summary>
public sealed class S3StateTests(MotoS3 s3) : IClassFixture<MotoS3>, IDisposable
{
    private readonly TwoRuns runs = new();

    public void Dispose() => runs.Dispose();

    [Fact]
    public void Scan_writes_reports_to_s3_and_reads_its_baseline_from_there()
    {
        var app = TestPaths.Fixture("Python/django_app");
        var first = ExternalProcess.Readiness(s3.Environment, "scan", app, "--format", "json,sarif", "--output-dir", $"s3://{MotoS3.Bucket}/nightly/2026-12-09",
            "--baseline", $"s3://{MotoS3.Bucket}/nightly/2026-12-08", "--allow-missing-baseline");
        first.ExitCode.ShouldBe(1, first.Stdout + first.Stderr);
        first.Stdout.ShouldContain($"Reports written to s3://{MotoS3.Bucket}/nightly/2026-12-09");
        var stored = ResultsJson.Read(s3.Read("nightly/2026-12-09/results.json"));
        stored.Findings.ShouldAllBe(f => f.BaselineState == "new");
        s3.Read("nightly/2026-12-09/results.sarif").ShouldContain("\"version\": \"2.1.0\"");

        var second = ExternalProcess.Readiness(s3.Environment, "scan", app, "--format", "json", "--output-dir", $"s3://{MotoS3.Bucket}/nightly/2026-12-10",
            "--baseline", $"s3://{MotoS3.Bucket}/nightly/2026-12-09", "--fail-on-new");
        second.ExitCode.ShouldBe(0, second.Stdout + second.Stderr);
        ResultsJson.Read(s3.Read("nightly/2026-12-10/results.json")).Findings.ShouldAllBe(f => f.BaselineState == "unchanged");
    }

    [Fact]
    public void Drift_reads_both_runs_and_their_inventories_from_s3_and_writes_its_report_there()
    {
        foreach (var (day, folder) in new[] { ("d1", runs.Yesterday), ("d2", runs.Today) })
        {
            s3.Put($"runs/{day}/results.json", Path.Combine(folder, "results.json"));
            s3.Put($"runs/{day}/aws-inventory.json", Path.Combine(folder, "aws-inventory.json"));
        }
        var run = ExternalProcess.Readiness(s3.Environment, "drift", "--from", $"s3://{MotoS3.Bucket}/runs/d1", "--to", $"s3://{MotoS3.Bucket}/runs/d2/results.json",
            "--output-dir", $"s3://{MotoS3.Bucket}/drift/d2");
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        var drift = DriftWriters.Read(s3.Read("drift/d2/drift.json"));
        drift.New.ShouldHaveSingleItem().Finding.RuleId.ShouldBe("RDY1102");
        drift.ResourceChanges.ShouldContain(c => c.Attribute == "deletionProtection" && c.After == "false");
        s3.Read("drift/d2/drift.html").ShouldContain("<h2 id=\"new\">New findings (1)</h2>");
    }

    [Fact]
    public void A_missing_bucket_is_an_error_naming_the_location()
    {
        var run = ExternalProcess.Readiness(s3.Environment, "scan", TestPaths.Fixture("Python/django_app"), "--baseline", "s3://no-such-bucket/nightly", "--allow-missing-baseline");
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("s3://no-such-bucket/nightly/results.json");
        run.Stderr.ShouldContain("NoSuchBucket");
    }
}
