using OpenQA.Selenium;
using Readiness.Rules.Engine;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Reporting;

public sealed class BrowserFixture : IDisposable
{
    public Browser Browser { get; } = new();

    public void Dispose() => Browser.Dispose();
}

/// <summary>report.html in real headless Chromium: it renders, filters and pages, and scanned text never becomes markup.</summary>
public sealed class HtmlReportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("readiness-html-");
    private Browser Browser => fixture.Browser;
    private IWebDriver Driver => fixture.Browser.Driver;

    public void Dispose() => dir.Delete(recursive: true);

    private string Write(ScanResult result)
    {
        var path = Path.Combine(dir.FullName, "report.html");
        using (var file = File.Create(path)) new HtmlReporter().Write(result, new ReportContext(RuleCatalog.Default), file);
        return path;
    }

    private int VisibleFindings() => Driver.FindElements(By.CssSelector("#groups tr.finding")).Count(e => e.Displayed);

    private void OpenAllGroups()
    {
        foreach (var details in Driver.FindElements(By.CssSelector("#groups section.rule-group > details")))
            if (details.GetAttribute("open") is null) details.FindElement(By.TagName("summary")).Click();

        // The browser fires 'toggle' (which draws a group's rows) after the click returns: wait until every open
        // group has drawn its body, so counts are read from a settled page. The wait is long because a loaded machine
        // can starve the browser for seconds, and it fails loudly: counting an unsettled page would be a wrong answer.
        const string allDrawn = "return Array.from(document.querySelectorAll('#groups section.rule-group > details[open]')).every(d => d.children.length > 1);";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(bool)((IJavaScriptExecutor)Driver).ExecuteScript(allDrawn)!)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the opened groups did not draw their rows within 60 s");
            Thread.Sleep(20);
        }
    }

    private void Chip(string selector) => Driver.FindElement(By.CssSelector(selector)).Click();

    private void Type(string text)
    {
        var input = Driver.FindElement(By.Id("filter-text"));
        input.Clear();
        input.SendKeys(text);
        // The filter waits 120 ms after the last key, then redraws and records the text it applied.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Driver.FindElement(By.Id("groups")).GetAttribute("data-filter-text") != text.ToLowerInvariant())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the text filter '{text}' was not applied");
            Thread.Sleep(20);
        }
    }

    [Fact]
    public void Sample_report_shows_the_verdict_and_what_blocks_and_is_not_blank()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "coco-testai"), "--format", "html", "--output-dir", dir.FullName);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        Browser.Open(Path.Combine(dir.FullName, "report.html"));

        var verdict = Driver.FindElement(By.CssSelector("#verdict .verdict-title"));
        verdict.Displayed.ShouldBeTrue();
        verdict.Text.ShouldBe("NOT READY");
        // The sample's code and its recorded AWS inventory both block.
        var verdictLine = Driver.FindElement(By.CssSelector("#verdict .verdict-line")).Text;
        verdictLine.ShouldMatch(@"^NOT READY: \d+ findings at or above high");
        var blockers = Driver.FindElements(By.CssSelector("#blockers li"));
        blockers.Count.ShouldBeGreaterThanOrEqualTo(3);
        blockers.ShouldContain(b => b.Text.Contains("arn:aws:", StringComparison.Ordinal));
        blockers[0].Text.ShouldContain("api/coco/settings/base.py:");

        // The blocking rules are open with their fix and location; nothing was refused by the Content-Security-Policy.
        var first = Driver.FindElement(By.CssSelector("#groups section.rule-group"));
        first.FindElement(By.CssSelector(".remediation")).Displayed.ShouldBeTrue();
        // Inline code in rule text is shown as code, with no Markdown backticks left.
        first.FindElements(By.CssSelector(".rationale .prose code, .remediation .prose code")).ShouldNotBeEmpty();
        first.FindElements(By.CssSelector(".rationale .prose, .remediation .prose")).ShouldAllBe(p => !p.Text.Contains('`'));
        first.FindElement(By.CssSelector("tr.finding code.loc")).Text.ShouldStartWith("api/coco/settings/base.py:");
        Browser.BrowserLog().Where(l => l.StartsWith("Severe", StringComparison.OrdinalIgnoreCase) || l.Contains("Content Security Policy", StringComparison.Ordinal)).ShouldBeEmpty();

        // A blocker link reveals and opens its rule.
        var last = blockers[2].FindElement(By.TagName("a"));
        var rule = last.GetAttribute("data-rule")!;
        last.Click();
        Driver.FindElement(By.CssSelector($"#rule-{rule} > details")).GetAttribute("open").ShouldNotBeNull();

        var png = ((ITakesScreenshot)Driver).GetScreenshot().AsByteArray;
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "report-sample-screenshot.png"), png);
        var (width, height, luma) = PngPixels.Decode(png);
        (width * height).ShouldBeGreaterThan(100_000);
        PngPixels.Variance(luma).ShouldBeGreaterThan(200);          // a blank or single-colour page is near 0
        luma.Count(v => v < 128).ShouldBeGreaterThan(luma.Length / 50);  // dark text and the verdict banner are there
    }

    [Fact]
    public void Filters_by_severity_source_and_text_change_the_visible_findings()
    {
        Browser.Open(Write(SyntheticResults.Create()));
        OpenAllGroups();
        VisibleFindings().ShouldBe(6);
        Driver.FindElement(By.Id("match-count")).Text.ShouldBe("6 findings in 4 rules");

        Chip("#filter-severity [data-severity=critical]");
        VisibleFindings().ShouldBe(4);
        Chip("#filter-source [data-source=aws]");
        VisibleFindings().ShouldBe(3);
        Driver.FindElement(By.Id("match-count")).Text.ShouldBe("3 of 6 findings match, in 2 rules");
        Chip("#filter-severity [data-severity=critical]");
        Chip("#filter-source [data-source=aws]");
        VisibleFindings().ShouldBe(6);

        Type("legacy");
        VisibleFindings().ShouldBe(1);
        Type("arn:aws:s3:::coco-uploads");
        OpenAllGroups();
        VisibleFindings().ShouldBe(1);
        Type("no such text anywhere");
        VisibleFindings().ShouldBe(0);
        Driver.FindElement(By.CssSelector("#groups .empty")).Text.ShouldBe("No finding matches these filters.");
    }

    [Fact]
    public void Findings_are_paged_within_a_rule_and_other_sections_list_suppressed_expired_and_fixed()
    {
        var result = SyntheticResults.Create(bulkFindings: 300);
        var expected = result.Findings.Count(f => f.Finding.RuleId == "RDY9002" && f.Suppression is null);
        Browser.Open(Write(result));

        var group = Driver.FindElement(By.CssSelector("#rule-RDY9002"));
        group.FindElement(By.TagName("details")).GetAttribute("open").ShouldNotBeNull();
        group.FindElements(By.CssSelector("tr.finding")).Count.ShouldBe(50);
        group.FindElement(By.CssSelector(".page-info")).Text.ShouldBe($"1–50 of {expected} findings (page 1 of 2)");
        group.FindElement(By.CssSelector(".pager .prev")).Enabled.ShouldBeFalse();
        group.FindElement(By.CssSelector(".pager .next")).Click();

        group = Driver.FindElement(By.CssSelector("#rule-RDY9002"));
        group.FindElements(By.CssSelector("tr.finding")).Count.ShouldBe(expected - 50);
        group.FindElement(By.CssSelector(".pager .next")).Enabled.ShouldBeFalse();

        Driver.FindElements(By.CssSelector("#suppressed-list tr.finding")).Single().Text.ShouldContain("Accepted: Test-only settings, never deployed · owner alice@example.com");
        Driver.FindElements(By.CssSelector("#expired-list tr.finding")).Single().Text.ShouldContain("Suppression expired: Legacy module being removed");
        Driver.FindElements(By.CssSelector("#fixed-list tr.finding")).Single().Text.ShouldContain("coco-logs");
        Driver.FindElements(By.CssSelector("#new-list tr.finding")).Count.ShouldBe(3);
        Driver.FindElement(By.Id("gaps")).Text.ShouldContain("aws/iam/global: AccessDenied for iam:ListRoles");
        var targets = Driver.FindElements(By.CssSelector("#http-targets tr.target"));
        targets.Count.ShouldBe(2);
        targets[0].FindElement(By.CssSelector(".grade")).Text.ShouldBe("D");
        targets[0].Text.ShouldContain("strict-transport-security (-20)");
        targets[1].Text.ShouldContain("Could not fetch: connection refused");
    }

    [Fact]
    public void Rule_groups_are_paged_twenty_at_a_time()
    {
        var rules = Enumerable.Range(0, 25).Select(i => new RuleSummary
        {
            Id = $"RDY91{i:00}", Name = $"Paged{i}", Title = $"Paged rule {i}", Severity = Readiness.Rules.Model.Severity.Medium, Tags = ["code"],
        }).ToList();
        var template = SyntheticResults.Create().Findings[0];
        var result = SyntheticResults.Create() with
        {
            Rules = rules,
            Findings = rules.Select((r, i) => template with { Finding = template.Finding with { RuleId = r.Id, Severity = r.Severity, Location = Readiness.Rules.Model.Location.InFile($"src/f{i}.py", i + 1) } }).ToList(),
            Fixed = [],
        };
        Browser.Open(Write(result));
        Driver.FindElements(By.CssSelector("#groups section.rule-group")).Count.ShouldBe(20);
        Driver.FindElement(By.CssSelector("#group-pager .page-info")).Text.ShouldBe("1–20 of 25 rules (page 1 of 2)");
        Driver.FindElement(By.CssSelector("#group-pager .next")).Click();
        Driver.FindElements(By.CssSelector("#groups section.rule-group")).Count.ShouldBe(5);
        Driver.FindElement(By.CssSelector("#groups section.rule-group")).GetAttribute("data-rule").ShouldBe("RDY9120");
    }

    [Fact]
    public void Hostile_names_snippets_and_messages_stay_text()
    {
        var path = Write(SyntheticResults.Create());
        Browser.Open(path);

        Should.Throw<NoAlertPresentException>(() => Driver.SwitchTo().Alert());
        Browser.Script("return document.querySelectorAll('img').length;").ShouldBe(0L);
        Browser.Script("return document.scripts.length;").ShouldBe(2L);
        Browser.Script("return document.querySelectorAll('[onerror]').length;").ShouldBe(0L);

        var group = Driver.FindElement(By.CssSelector("#rule-RDY9001"));
        group.FindElement(By.CssSelector("code.loc")).Text.ShouldBe($"api/{SyntheticResults.Hostile}.py:3");
        group.FindElement(By.CssSelector(".message")).Text.ShouldContain(SyntheticResults.HostileScript);
        group.FindElement(By.CssSelector("pre.snippet")).Text.ShouldContain(SyntheticResults.Hostile);

        var csp = Driver.FindElement(By.CssSelector("meta[http-equiv='Content-Security-Policy']")).GetAttribute("content")!;
        csp.ShouldStartWith("default-src 'none'; style-src 'sha256-");
        csp.ShouldNotContain("unsafe-inline");
        File.ReadAllText(path).ShouldNotContain(SyntheticResults.HostileScript);   // not even inside the data block
    }
}
