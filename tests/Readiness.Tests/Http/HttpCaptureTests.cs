using Readiness.Rules.Model;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Http;

/// <summary>
/// Recorded responses from frameworks the tests cannot start (Django, Flask, Express, Spring, PHP, IIS, CloudFront),
/// judged by every HTTP rule and compared with the sidecar Fixtures/Http/captures/expected.yaml.
/// </summary>
public sealed class HttpCaptureTests
{
    private static readonly string Folder = TestPaths.Fixture("Http/captures");

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Expected()) data.Add(entry.Capture);
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Capture_gets_exactly_the_expected_findings(string capture)
    {
        var entry = Expected().Single(e => e.Capture == capture);
        var exchange = Parse(File.ReadAllText(Path.Combine(Folder, capture)), entry.Purpose, entry.Url) with { RequestHeaders = entry.RequestHeaders };
        var target = new HttpTarget { Url = entry.Url, Exchanges = [exchange] };
        var scan = HttpScan.Judge([target], new Coverage(), entry.Parameters);

        scan.RuleIds(entry.Url).ShouldBe(entry.Fail.Order(StringComparer.Ordinal).ToList(), scan.Dump());
        scan.Findings.ShouldAllBe(f => !string.IsNullOrWhiteSpace(f.Snippet) && f.Message.EndsWith('.'));
        if (entry.Grade is null && entry.Results.Count == 0) return;
        var grade = scan.Grade(entry.Url).ShouldNotBeNull();
        if (entry.Grade is not null) grade.Letter.ShouldBe(entry.Grade, string.Join("\n", grade.Tests));
        entry.Results.Except(grade.Tests.Select(t => t.Result)).ShouldBeEmpty(string.Join("\n", grade.Tests));
    }

    [Fact]
    public void Every_capture_file_is_listed_in_expected_yaml()
    {
        var listed = Expected().Select(e => e.Capture).Order(StringComparer.Ordinal).ToList();
        var files = Directory.GetFiles(Folder, "*.http").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        listed.ShouldBe(files!);
    }

    [Fact]
    public void Snippets_prove_the_leak_with_readable_text()
    {
        var entry = Expected().Single(e => e.Capture == "express-dev-error.http");
        var exchange = Parse(File.ReadAllText(Path.Combine(Folder, entry.Capture)), entry.Purpose, entry.Url);
        var finding = HttpScan.Judge([new HttpTarget { Url = entry.Url, Exchanges = [exchange] }], new Coverage()).Findings.ShouldHaveSingleItem();
        finding.Snippet!.ShouldContain("at parse (/usr/src/app/node_modules/body-parser/lib/types/json.js:92:19)");
        finding.Snippet!.ShouldNotContain("<br>");
        finding.Snippet!.Length.ShouldBeLessThanOrEqualTo(300);
    }

    private sealed record Entry(string Capture, string Url, string Purpose, IReadOnlyList<string> Fail, string? Grade, IReadOnlyList<string> Results,
        IReadOnlyList<KeyValuePair<string, string>> RequestHeaders, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Parameters);

    private static IReadOnlyList<Entry> Expected()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, "expected.yaml"))));
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>().Select(m =>
        {
            string? Scalar(string key) => m.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value : null;
            IReadOnlyList<string> List(string key) => m.Children.TryGetValue(key, out var v)
                ? ((YamlSequenceNode)v).Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
                : [];
            var requestHeaders = m.Children.TryGetValue("request_headers", out var h)
                ? ((YamlMappingNode)h).Children.Select(kv => new KeyValuePair<string, string>(((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value!)).ToList()
                : [];
            // parameters: { RDY3028: { min_grade: B } } sets rule parameters (strings) for this capture only.
            var parameters = m.Children.TryGetValue("parameters", out var ps)
                ? ((YamlMappingNode)ps).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!,
                    kv => (IReadOnlyDictionary<string, object>)((YamlMappingNode)kv.Value).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (object)((YamlScalarNode)p.Value).Value!))
                : new Dictionary<string, IReadOnlyDictionary<string, object>>();
            return new Entry(Scalar("capture")!, Scalar("url")!, Scalar("purpose")!, List("fail"), Scalar("grade"), List("results"), requestHeaders, parameters);
        }).ToList();
    }

    /// <summary>Reads a raw HTTP response: status line, headers up to the first blank line, then the body.</summary>
    internal static HttpExchange Parse(string raw, string purpose, string url)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return new KeyValuePair<string, string>(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }).ToList();
        return new HttpExchange
        {
            Purpose = purpose,
            Method = purpose switch { HttpPurposes.Malformed => "POST", HttpPurposes.Trace => "TRACE", _ => "GET" },
            Url = url,
            Status = status,
            ResponseHeaders = headers,
            BodyExcerpt = split < 0 ? "" : text[(split + 2)..],
            RedirectLocation = status is >= 300 and < 400 && headers.FirstOrDefault(h => h.Key.Equals("Location", StringComparison.OrdinalIgnoreCase)).Value is { } location
                ? new Uri(new Uri(url), location).AbsoluteUri
                : null,
        };
    }
}
