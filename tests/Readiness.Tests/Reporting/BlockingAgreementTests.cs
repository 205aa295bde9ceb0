using System.Text.RegularExpressions;
using System.Xml.Linq;
using Readiness.Runner.Results;
using Readiness.Tests.Support;
using Readiness.Tests.Workflows;

namespace Readiness.Tests.Reporting;

/// <summary>
/// What blocks is decided once (ScanPipeline.Decide): the exit code, results.json and every report show the same
/// blocking findings, with --fail-on-new and with --fail-on none.
/// </summary>
public sealed class BlockingAgreementTests : IDisposable
{
    private readonly TwoRuns runs = new(withInventories: false);
    private string App => Path.Combine(runs.Root.FullName, "app");
    private string Output => Path.Combine(runs.Root.FullName, "out");

    public void Dispose() => runs.Dispose();

    private (CliRunner.Outcome Run, ScanResult Result) Scan(params string[] extra)
    {
        var run = CliRunner.Run(["scan", App, "--format", "json,html,md,junit", "--output-dir", Output, .. extra]);
        return (run, ResultsJson.Read(File.ReadAllText(Path.Combine(Output, "results.json"))));
    }

    private int HtmlBlocking() => Regex.Matches(File.ReadAllText(Path.Combine(Output, "report.html")), "\"x\":true").Count;

    private int MarkdownBlocking() => Regex.Matches(File.ReadAllText(Path.Combine(Output, "summary.md")), @"\*\*blocking\*\*").Count;

    private int JUnitBlocking() =>
        XDocument.Load(Path.Combine(Output, "junit.xml")).Descendants("failure").Sum(f => f.Value.Split('\n').Count(l => l.StartsWith('[')));

    [Fact]
    public void Fail_on_new_blocks_only_the_new_finding_in_every_report()
    {
        var (all, allResult) = Scan("--baseline", runs.Yesterday);
        all.ExitCode.ShouldBe(1, all.Stdout + all.Stderr);
        var everything = allResult.Findings.Count(f => f.Blocking);
        everything.ShouldBeGreaterThan(1, "unchanged findings block without --fail-on-new");

        var (run, result) = Scan("--baseline", runs.Yesterday, "--fail-on-new");
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        result.FailOnNew.ShouldBeTrue();
        var blocking = result.Findings.Where(f => f.Blocking).ToList();
        blocking.ShouldHaveSingleItem().BaselineState.ShouldBe("new");
        blocking[0].Finding.RuleId.ShouldBe("RDY1102");
        result.Verdict.Blocking.ShouldBe(1);
        HtmlBlocking().ShouldBe(1);
        MarkdownBlocking().ShouldBe(1);
        JUnitBlocking().ShouldBe(1);
        run.Stdout.ShouldContain("NOT READY: 1 new finding at or above high blocks the launch.");
        File.ReadAllText(Path.Combine(Output, "summary.md")).ShouldContain("failing on new findings at high and above.");
    }

    [Fact]
    public void Fail_on_none_says_so_everywhere_and_blocks_nothing()
    {
        var (run, result) = Scan("--fail-on", "none");
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        result.FailOn.ShouldBeNull();
        File.ReadAllText(Path.Combine(Output, "results.json")).ShouldContain("\"failOn\": \"none\"");
        result.Findings.ShouldNotBeEmpty();
        result.Findings.ShouldAllBe(f => !f.Blocking);
        HtmlBlocking().ShouldBe(0);
        MarkdownBlocking().ShouldBe(0);
        JUnitBlocking().ShouldBe(0);
        var verdict = run.Stdout.Split('\n').Single(l => l.StartsWith("READY", StringComparison.Ordinal));
        verdict.ShouldStartWith("READY: --fail-on none, so nothing blocks the launch; ");
        verdict.ShouldNotContain("critical");
        File.ReadAllText(Path.Combine(Output, "summary.md")).ShouldContain("failing on nothing (--fail-on none).");
        File.ReadAllText(Path.Combine(Output, "report.html")).ShouldContain("failing on nothing (--fail-on none)");
    }
}
