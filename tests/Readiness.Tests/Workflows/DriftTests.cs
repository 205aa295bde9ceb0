using Readiness.Rules.Model;
using Readiness.Runner.Drift;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

public sealed class DriftTests : IDisposable
{
    private readonly TwoRuns runs = new();
    private string Output => Path.Combine(runs.Root.FullName, "drift");

    public void Dispose() => runs.Dispose();

    private DriftReport ReadDrift() => DriftWriters.Read(File.ReadAllText(Path.Combine(Output, "drift.json")));

    [Fact]
    public void Drift_between_two_runs_lists_new_fixed_and_expired()
    {
        var run = CliRunner.Run("drift", "--from", runs.Yesterday, "--to", Path.Combine(runs.Today, "results.json"), "--output-dir", Output);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldStartWith("Readiness drift: 1 new, 0 fixed, 1 expired suppression, 4 resource changes, NOT READY");

        var drift = ReadDrift();
        drift.New.ShouldHaveSingleItem().Finding.RuleId.ShouldBe("RDY1102");
        drift.Fixed.ShouldBeEmpty();
        var expired = drift.ExpiredSuppressions.ShouldHaveSingleItem();
        expired.Finding.Finding.RuleId.ShouldBe("RDY1101");
        expired.NewlyExpired.ShouldBeTrue();
        expired.Finding.ExpiredSuppression!.Owner.ShouldBe("platform-team");
        drift.Verdict.Status.ShouldBe(VerdictStatus.NotReady);

        var md = File.ReadAllText(Path.Combine(Output, "drift.md"));
        md.ShouldContain("## New findings (1)");
        md.ShouldContain("| high | RDY1102 | config/settings.py:11 |");
        md.ShouldContain("| RDY1101 (since the last run) | config/settings.py:9 | platform-team | 2026-12-10 |");
        var html = File.ReadAllText(Path.Combine(Output, "drift.html"));
        html.ShouldContain("<h2 id=\"new\">New findings (1)</h2>");
        html.ShouldContain("platform-team");
    }

    [Fact]
    public void Drift_json_carries_no_unknown_zero_line_or_internal_field()
    {
        CliRunner.Run("drift", "--from", runs.Yesterday, "--to", runs.Today, "--output-dir", Output, "--format", "json").ExitCode.ShouldBe(0);
        var json = File.ReadAllText(Path.Combine(Output, "drift.json"));
        var properties = new List<(string Name, System.Text.Json.JsonElement Value)>();
        void Walk(System.Text.Json.JsonElement e)
        {
            if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
                foreach (var p in e.EnumerateObject()) { properties.Add((p.Name, p.Value)); Walk(p.Value); }
            else if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item);
        }
        using (var doc = System.Text.Json.JsonDocument.Parse(json)) Walk(doc.RootElement.Clone());

        properties.ShouldContain(p => p.Name == "startLine" && p.Value.GetInt32() == 11, "known lines stay");
        properties.Where(p => (p.Name.Contains("line", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("column", StringComparison.OrdinalIgnoreCase))
            && p.Value.ValueKind == System.Text.Json.JsonValueKind.Number && p.Value.GetInt32() == 0).ShouldBeEmpty();
        properties.Select(p => p.Name).ShouldNotContain("fingerprintKey");
        // What is left out reads back as before: the email renders from drift.json.
        ReadDrift().New.ShouldHaveSingleItem().Finding.Location.Display().ShouldBe("config/settings.py:11");
    }

    [Fact]
    public void Fixed_findings_are_listed_when_the_runs_are_swapped()
    {
        CliRunner.Run("drift", "--from", runs.Today, "--to", runs.Yesterday, "--output-dir", Output, "--format", "json").ExitCode.ShouldBe(0);
        var drift = ReadDrift();
        drift.Fixed.ShouldHaveSingleItem().Finding.RuleId.ShouldBe("RDY1102");
        drift.New.ShouldBeEmpty();
        File.Exists(Path.Combine(Output, "drift.md")).ShouldBeFalse();
    }

    [Fact]
    public void Live_configuration_changes_come_from_the_two_inventories()
    {
        CliRunner.Run("drift", "--from", runs.Yesterday, "--to", runs.Today, "--output-dir", Output).ExitCode.ShouldBe(0);
        var changes = ReadDrift().ResourceChanges.Select(c => c.Describe()).ToList();
        changes.ShouldBe(
        [
            "S3Bucket arn:aws:s3:::new-uploads was created.",
            "S3Bucket arn:aws:s3:::old-exports was deleted.",
            "SecurityGroup arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0aaaaaaaaaaaaaaa1: ingress gained {\"description\":\"debug\",\"fromPort\":22,\"protocol\":\"tcp\",\"sources\":[\"0.0.0.0/0\"],\"toPort\":22}.",
            "DbInstance arn:aws:rds:eu-west-2:111111111111:db:orders-db: deletionProtection changed from true to false.",
        ], ignoreOrder: true);
        // The access key's last use changes every night and is not a configuration change; IaC definitions do not drift.
        changes.ShouldNotContain(c => c.Contains("ci-deployer"));
        File.ReadAllText(Path.Combine(Output, "drift.md")).ShouldContain("deletionProtection changed from true to false");
    }

    [Fact]
    public void Without_inventories_the_report_says_live_configuration_was_not_compared()
    {
        using var bare = new TwoRuns(withInventories: false);
        CliRunner.Run("drift", "--from", bare.Yesterday, "--to", bare.Today, "--output-dir", Output).ExitCode.ShouldBe(0);
        var drift = ReadDrift();
        drift.ResourceChanges.ShouldBeEmpty();
        drift.ResourceChangesNote!.ShouldContain("Neither run includes an AWS inventory");
    }

    [Fact]
    public void A_missing_older_run_fails_unless_allowed_then_everything_is_new()
    {
        var missing = Path.Combine(runs.Root.FullName, "never");
        var refused = CliRunner.Run("drift", "--from", missing, "--to", runs.Today, "--output-dir", Output);
        refused.ExitCode.ShouldBe(2);
        refused.Stderr.ShouldContain("--allow-missing-from");

        CliRunner.Run("drift", "--from", missing, "--to", runs.Today, "--output-dir", Output, "--allow-missing-from").ExitCode.ShouldBe(0);
        var drift = ReadDrift();
        drift.From.Missing.ShouldBeTrue();
        drift.New.Select(f => f.Finding.RuleId).Order().ShouldBe(["RDY1101", "RDY1102", "RDY1103"]);
        CliRunner.Run("drift", "--from", runs.Yesterday, "--to", runs.Today, "--format", "pdf").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Html_and_markdown_escape_what_they_render()
    {
        var hostile = new ResultFinding
        {
            Finding = new Finding
            {
                RuleId = "RDY1101",
                Severity = Severity.High,
                Source = EvidenceSource.Code,
                Message = "<script>alert(1)</script> | pipe & more.",
                Location = Location.InFile("web/<img src=x>.py", 3),
                Fingerprint = "0123456789abcdef0123456789abcdef",
            },
        };
        var report = new DriftReport
        {
            From = new DriftRun { Source = "a" },
            To = new DriftRun { Source = "b" },
            Verdict = new Verdict { Status = VerdictStatus.NotReady, Blocking = 1 },
            New = [hostile],
        };
        var html = DriftWriters.Html(report);
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; | pipe &amp; more.");
        var md = DriftWriters.Markdown(report);
        md.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe & more.");
    }
}
