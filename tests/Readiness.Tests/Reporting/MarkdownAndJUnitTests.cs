using System.Xml.Linq;
using Readiness.Rules.Engine;
using Readiness.Runner.Cli;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Tests.Support;

namespace Readiness.Tests.Reporting;

public sealed class MarkdownAndJUnitTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("readiness-md-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void Markdown_summary_shows_verdict_counts_gaps_and_keeps_scanned_text_inert()
    {
        var md = new MarkdownReporter().Render(SyntheticResults.Create());
        md.ShouldStartWith("## ⚠️ Readiness: INCOMPLETE\n");
        md.ShouldContain("| 2 | 3 | 1 | 0 | 0 | | 2 | 1 | 2 | 1 |");   // open findings by severity, then by source
        md.ShouldContain("### Could not look\n\n- aws/iam/global: AccessDenied for iam:ListRoles");
        md.ShouldContain("critical **blocking** | RDY9002 | infra/rds.tf:12 |");
        // A live resource's Where is its short name; the full ARN goes on a line of its own under the finding.
        md.ShouldContain("| RDY9003 | coco-uploads | S3 bucket coco-uploads allows public reads through its bucket policy; turn on Block Public Access.<br><sub>`arn:aws:s3:::coco-uploads`</sub> |");
        md.ShouldContain("1 finding suppressed as an accepted risk; 1 suppression expired.");
        md.ShouldContain("Against the baseline: 3 new, 3 unchanged, 1 fixed.");
        md.ShouldNotContain("<img");
        md.ShouldNotContain("<script");
        md.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public void Markdown_summary_stays_small_with_100k_findings()
    {
        var md = new MarkdownReporter().Render(SyntheticResults.Create(bulkFindings: 100_000));
        md.Length.ShouldBeLessThan(MarkdownReporter.DefaultMaxChars);
        md.ShouldContain("more findings are in report.html and results.json.");
        md.Split('\n').Count(l => l.StartsWith("| critical", StringComparison.Ordinal)).ShouldBe(50);   // the top 50, most severe first
    }

    [Fact]
    public void Scan_appends_the_summary_to_the_GitHub_step_summary_file()
    {
        var summary = Path.Combine(dir.FullName, "step_summary.md");
        File.WriteAllText(summary, "previous step\n");
        var options = new ScanOptions { Path = Path.Combine(TestPaths.Samples, "coco-testai"), StepSummaryPath = summary, OutputDir = dir.FullName };
        ScanCommand.Execute(options, new StringWriter(), new StringWriter()).ShouldBe(1);
        var text = File.ReadAllText(summary);
        text.ShouldStartWith("previous step\n## ❌ Readiness: NOT READY\n");
        text.ShouldContain("RDY1101");
    }

    [Fact]
    public void JUnit_has_a_case_per_rule_and_target_failing_only_for_blocking_findings()
    {
        using var stream = new MemoryStream();
        new JUnitReporter().Write(SyntheticResults.Create(), new ReportContext(RuleCatalog.Default), stream);
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        var cases = xml.Descendants("testcase").ToList();

        var rds = cases.Single(c => c.Attribute("name")!.Value == "RDY9002 RDS instance is publicly accessible on samples/synthetic");
        rds.Element("failure")!.Attribute("type")!.Value.ShouldBe("critical");
        rds.Element("failure")!.Value.ShouldContain("infra/rds.tf:12");
        cases.Single(c => c.Attribute("name")!.Value == "RDY9002 RDS instance is publicly accessible on aws account 123456789012 eu-west-2").Element("failure").ShouldNotBeNull();

        // Medium HTTP finding under --fail-on high: listed, not failing.
        var hsts = cases.Single(c => c.Attribute("name")!.Value.StartsWith("RDY9004", StringComparison.Ordinal));
        hsts.Attribute("name")!.Value.ShouldEndWith("on https://app.example.com");
        hsts.Element("failure").ShouldBeNull();
        hsts.Element("system-out")!.Value.ShouldContain("Strict-Transport-Security");

        // The suppressed low finding does not fail its case.
        cases.Single(c => c.Attribute("name")!.Value.StartsWith("RDY9005", StringComparison.Ordinal)).Element("failure").ShouldBeNull();

        // Hostile text is carried as text, and the gap is an error.
        cases.Single(c => c.Attribute("name")!.Value.StartsWith("RDY9001", StringComparison.Ordinal)).Element("failure")!.Value.ShouldContain(SyntheticResults.Hostile);
        cases.Single(c => c.Attribute("classname")!.Value == "readiness.coverage.aws").Element("error")!.Attribute("message")!.Value.ShouldContain("AccessDenied");
        xml.Root!.Attribute("failures")!.Value.ShouldBe(cases.Count(c => c.Element("failure") is not null).ToString());
    }

    [Fact]
    public void JUnit_skips_rules_of_evidence_that_was_not_scanned()
    {
        var result = SyntheticResults.Create() with
        {
            Findings = SyntheticResults.Create().Findings.Where(f => f.Finding.Source != Readiness.Rules.Model.EvidenceSource.Http).ToList(),
            Coverage = new CoverageReport { Counts = new Dictionary<string, long> { ["code.files"] = 3 } },
        };
        using var stream = new MemoryStream();
        new JUnitReporter().Write(result, new ReportContext(RuleCatalog.Default), stream);
        var http = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Descendants("testcase").Single(c => c.Attribute("name")!.Value.StartsWith("RDY9004", StringComparison.Ordinal));
        http.Element("skipped")!.Attribute("message")!.Value.ShouldBe("not evaluated: this scan had no HTTP evidence");
    }
}
