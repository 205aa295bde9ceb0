using System.Globalization;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>Suppressions and baselines through the command line, as a user runs them.</summary>
public sealed class WorkflowCliTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-workflows-");

    public void Dispose() => work.Delete(recursive: true);

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A copy of a fixture project, so a test can edit it, with its suppressions dated for the real clock the CLI runs on.</summary>
    private string Copy(string fixture, string name) => DatedFixture.CopyToToday(fixture, Path.Combine(work.FullName, name));

    [Fact]
    public void Suppress_writes_an_entry_that_the_next_scan_honours_and_keeps_existing_comments()
    {
        var app = Copy(TestPaths.Fixture("Workflows/accepted_app"), "app");
        var existing = Path.Combine(app, ".readiness/suppressions/RDY1101.yaml");
        var before = File.ReadAllText(existing);

        var added = CliRunner.Run("suppress", "RDY1103", "--path", app, "--match", "config/settings.py", "--reason", "Key \"rotated\" weekly: see SEC-7",
            "--owner", "security", "--expires", InDays(30), "--ticket", "SEC-7");
        added.ExitCode.ShouldBe(0, added.Stderr);
        added.Stdout.ShouldContain("RDY1103.yaml:3");
        CliRunner.Run("suppress", "RDY1101", "--path", app, "--match", "config/other.py", "--reason", "Second entry", "--expires", InDays(10)).ExitCode.ShouldBe(0);
        var after = File.ReadAllText(existing);
        after.ShouldStartWith(before);
        after.ShouldContain("# Stale: the old layout is gone");

        var scan = CliRunner.Run("scan", app, "--format", "json,sarif", "--output-dir", Path.Combine(work.FullName, "out"));
        scan.ExitCode.ShouldBe(0, scan.Stdout + scan.Stderr);
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(work.FullName, "out", "results.json")));
        var key = result.Findings.Single(f => f.Finding.RuleId == "RDY1103");
        key.Suppression!.Reason.ShouldBe("Key \"rotated\" weekly: see SEC-7");
        key.Suppression.Owner.ShouldBe("security");
        result.Findings.All(f => f.Suppression is not null).ShouldBeTrue();
        // Suppressed findings stay in JSON but are left out of the SARIF upload.
        File.ReadAllText(Path.Combine(work.FullName, "out", "results.sarif")).ShouldNotContain(key.Finding.Fingerprint);
        scan.Stderr.ShouldContain("warning: .readiness/suppressions/RDY1101.yaml:9:");
        scan.Stderr.ShouldContain("'config/other.py' was not used");
    }

    [Fact]
    public void Suppress_refuses_an_expiry_beyond_the_policy_and_an_unknown_rule()
    {
        var app = Copy(TestPaths.Fixture("Workflows/accepted_app"), "app");
        var far = CliRunner.Run("suppress", "RDY1103", "--path", app, "--match", "x", "--reason", "r", "--expires", InDays(400));
        far.ExitCode.ShouldBe(2);
        far.Stderr.ShouldContain("more than 180 days ahead");
        File.Exists(Path.Combine(app, ".readiness/suppressions/RDY1103.yaml")).ShouldBeFalse();
        CliRunner.Run("suppress", "RDY1999", "--path", app, "--match", "x", "--reason", "r", "--expires", InDays(4)).ExitCode.ShouldBe(2);
        CliRunner.Run("suppress", "RDY1103", "--path", app, "--match", "x", "--expires", InDays(4)).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void An_entry_without_a_reason_exits_2_with_its_line()
    {
        var run = CliRunner.Run("scan", TestPaths.Fixture("Workflows/accepted_app"), "--suppressions", TestPaths.Fixture("Workflows/BadSuppressions/no-reason"));
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("RDY1101.yaml:2: the suppression has no 'reason'");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void A_baseline_marks_new_and_unchanged_findings_and_lists_the_fixed_ones()
    {
        var app = Copy(TestPaths.Fixture("Python/django_app"), "app");
        var settings = Path.Combine(app, "config/settings.py");
        var original = File.ReadAllText(settings);
        // Yesterday: DEBUG and SECRET_KEY were wrong, ALLOWED_HOSTS was right.
        File.WriteAllText(settings, original.Replace("os.environ.get(\"ALLOWED_HOSTS\", \"*\")", "os.environ.get(\"ALLOWED_HOSTS\", \"\")"));
        var yesterday = Path.Combine(work.FullName, "yesterday");
        CliRunner.Run("scan", app, "--format", "json", "--output-dir", yesterday).ExitCode.ShouldBe(1);

        // Today: DEBUG fixed, ALLOWED_HOSTS broken, SECRET_KEY still wrong (and moved down two lines).
        File.WriteAllText(settings, "\n\n" + original.Replace("os.environ.get(\"DEBUG\", \"True\")", "os.environ.get(\"DEBUG\", \"False\")"));
        var today = Path.Combine(work.FullName, "today");
        var run = CliRunner.Run("scan", app, "--format", "json", "--output-dir", today, "--baseline", yesterday);
        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldContain("RDY1102 [new]");
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(today, "results.json")));
        result.Findings.Single(f => f.Finding.RuleId == "RDY1102").BaselineState.ShouldBe("new");
        result.Findings.Single(f => f.Finding.RuleId == "RDY1103").BaselineState.ShouldBe("unchanged");
        result.Fixed.ShouldHaveSingleItem().Finding.RuleId.ShouldBe("RDY1101");
        result.Baseline!.Source.ShouldBe(yesterday);

        // --fail-on-new blocks on the new critical/high finding only; against today itself nothing is new.
        var gate = CliRunner.Run("scan", app, "--baseline", yesterday, "--fail-on-new", "--fail-on", "high");
        gate.ExitCode.ShouldBe(1);
        gate.Stdout.ShouldContain("NOT READY: 1 new finding at or above high blocks the launch.");
        CliRunner.Run("scan", app, "--baseline", Path.Combine(today, "results.json"), "--fail-on-new").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_missing_baseline_fails_unless_allowed_and_fail_on_new_needs_one()
    {
        var missing = Path.Combine(work.FullName, "nothing-here");
        var app = TestPaths.Fixture("Python/django_app");
        var run = CliRunner.Run("scan", app, "--baseline", missing);
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("--allow-missing-baseline");

        var out1 = Path.Combine(work.FullName, "out");
        CliRunner.Run("scan", app, "--baseline", missing, "--allow-missing-baseline", "--format", "json", "--output-dir", out1).ExitCode.ShouldBe(1);
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(out1, "results.json")));
        result.Findings.ShouldAllBe(f => f.BaselineState == "new");
        result.Baseline!.Missing.ShouldBeTrue();

        CliRunner.Run("scan", app, "--fail-on-new").ExitCode.ShouldBe(2);
    }
}
