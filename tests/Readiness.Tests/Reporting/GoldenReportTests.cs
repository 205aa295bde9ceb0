using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Tests.Support;

namespace Readiness.Tests.Reporting;

/// <summary>Every report format rendered from one fixed scan and compared with its golden file.</summary>
public class GoldenReportTests
{
    public static readonly DateTimeOffset FixedNow = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static ScanResult FixtureScan()
    {
        var options = new ScanOptions { Path = TestPaths.Fixture("Python"), Now = FixedNow };
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load("launch-readiness", options.Path);
        var result = new ScanPipeline(options, ruleset).RunAsync().GetAwaiter().GetResult();
        return result with { Target = "tests/Readiness.Tests/Fixtures/Python" };
    }

    public static string Render(IReporter reporter, ScanResult result)
    {
        using var stream = new MemoryStream();
        reporter.Write(result, new ReportContext(RuleCatalog.Default, "tests/Readiness.Tests/Fixtures/Python"), stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Json_matches_golden_and_reads_back() 
    {
        var result = FixtureScan();
        var json = Render(new JsonReporter(), result);
        Golden.Verify("results.json", json);
        var back = ResultsJson.Read(json);
        back.Findings.Select(f => f.Finding.Fingerprint).ShouldBe(result.Findings.Select(f => f.Finding.Fingerprint));
        back.Verdict.Status.ShouldBe(result.Verdict.Status);
        back.Verdict.Blocking.ShouldBe(result.Verdict.Blocking);
    }

    [Fact]
    public void Sarif_matches_golden() => Golden.Verify("results.sarif", Render(new SarifReporter(), FixtureScan()));

    [Fact]
    public void Html_matches_golden() => Golden.Verify("report.html", Render(new HtmlReporter(), FixtureScan()));

    [Fact]
    public void Markdown_matches_golden() => Golden.Verify("summary.md", Render(new MarkdownReporter(), FixtureScan()));

    [Fact]
    public void JUnit_matches_golden() => Golden.Verify("junit.xml", Render(new JUnitReporter(), FixtureScan()));

    [Fact]
    public void Synthetic_cloud_and_http_result_matches_golden_in_every_format()
    {
        var result = SyntheticResults.Create();
        Golden.Verify("synthetic/results.json", Render(new JsonReporter(), result));
        Golden.Verify("synthetic/results.sarif", Render(new SarifReporter(), result));
        Golden.Verify("synthetic/report.html", Render(new HtmlReporter(), result));
        Golden.Verify("synthetic/summary.md", Render(new MarkdownReporter(), result));
        Golden.Verify("synthetic/junit.xml", Render(new JUnitReporter(), result));
    }
}
