using Readiness.Rules.Model;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Http;

/// <summary>TLS observations from Fixtures/Http/tls/expected.yaml, judged by every HTTP rule.</summary>
public sealed class HttpTlsFixtureTests
{
    private static readonly string File = Path.Combine(TestPaths.Fixture("Http/tls"), "expected.yaml");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries()) data.Add(Scalar(entry, "name")!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tls_observation_gets_exactly_the_expected_findings(string name)
    {
        var entry = Entries().Single(e => Scalar(e, "name") == name);
        var now = DateTimeOffset.UtcNow;
        var cert = (YamlMappingNode)entry.Children["certificate"];
        var url = "https://app.coco-testai.example/";
        var target = new HttpTarget
        {
            Url = url,
            Certificate = new TlsCertificate("CN=app.coco-testai.example", now.AddDays(Days(cert, "not_before_days")), now.AddDays(Days(cert, "not_after_days")),
                NameMatches: Scalar(cert, "name_matches") != "false", ChainTrusted: true),
            LegacyProtocols = entry.Children.TryGetValue("legacy", out var legacy)
                ? ((YamlMappingNode)legacy).Children.Select(kv => new TlsProtocolCheck(((YamlScalarNode)kv.Key).Value!,
                    ((YamlScalarNode)kv.Value).Value switch { "true" => true, "false" => false, _ => null }, "from the fixture")).ToList()
                : [],
        };
        var expected = ((YamlSequenceNode)entry.Children["fail"]).Children.Select(c => ((YamlScalarNode)c).Value!).Order(StringComparer.Ordinal).ToList();

        var scan = HttpScan.Judge([target], new Coverage());

        scan.RuleIds(url).ShouldBe(expected, scan.Dump());
        scan.Findings.ShouldAllBe(f => f.Message.EndsWith('.') && !string.IsNullOrWhiteSpace(f.Snippet));
    }

    private static IEnumerable<YamlMappingNode> Entries()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(System.IO.File.ReadAllText(File)));
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>();
    }

    private static string? Scalar(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value : null;

    private static double Days(YamlMappingNode node, string key) => double.Parse(Scalar(node, key)!, System.Globalization.CultureInfo.InvariantCulture);
}
