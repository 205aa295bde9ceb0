using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Runner.Reporting;
using Readiness.Tests.Support;

namespace Readiness.Tests.Reporting;

/// <summary>What the HTML file itself must guarantee before any browser: self-contained, hashed inline code, escaped data.</summary>
public sealed class HtmlReporterTests
{
    private static string Html(int bulk = 0) => HtmlReporter.Render(SyntheticResults.Create(bulk), new ReportContext(RuleCatalog.Default));

    [Fact]
    public void Inline_style_and_script_are_exactly_the_ones_the_policy_hashes()
    {
        var html = Html();
        var csp = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").Groups[1].Value);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        scripts.Count.ShouldBe(1);
        csp.ShouldContain($"style-src 'sha256-{Hash(style)}'");
        csp.ShouldContain($"script-src 'sha256-{Hash(scripts[0].Groups[1].Value)}'");
        csp.ShouldStartWith("default-src 'none';");
        // Nothing is loaded from anywhere: no CDN script, stylesheet, font or image (links to rule docs are only anchors).
        Regex.IsMatch(html, "<[a-z]+[^>]*\\s(src|href)=\"?(https?:)?//", RegexOptions.IgnoreCase).ShouldBeFalse();
        html.ShouldNotContain("<link");
        style.ShouldNotContain("url(");
        style.ShouldNotContain("@import");
    }

    [Fact]
    public void Scanned_text_is_escaped_in_markup_and_in_the_data_block()
    {
        var html = Html();
        html.ShouldNotContain(SyntheticResults.Hostile);
        html.ShouldNotContain("</script><script>alert");
        Regex.Matches(html, "</script>").Count.ShouldBe(2);   // the data block's end and the script's end, nothing injected
        var data = Regex.Match(html, "<script type=\"application/json\" id=\"readiness-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        System.Text.Json.JsonDocument.Parse(data).RootElement.GetProperty("findings")[0].GetProperty("m").GetString().ShouldNotBeNull();
        data.ShouldContain("\\u003Cimg src=x onerror=alert(1)\\u003E");
    }

    [Fact]
    public void Rule_text_is_unwrapped_into_paragraphs_keeping_code_blocks()
    {
        HtmlReporter.Unwrap("One line\nwrapped here.\n\nSecond paragraph:\n\n```python\nx = 1\ny = 2\n```\n- item one\n- item two")
            .ShouldBe("One line wrapped here.\n\nSecond paragraph:\n\n```python\nx = 1\ny = 2\n```\n- item one\n- item two");
    }

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
