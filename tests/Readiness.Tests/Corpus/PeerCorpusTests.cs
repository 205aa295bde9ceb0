using System.Globalization;
using System.Text;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Text;
using Readiness.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Corpus;

/// <summary>
/// Recall and false-positive rate of the secret rules on four peers' own labelled samples (gitleaks, trufflehog,
/// secretlint, detect-secrets; Fixtures/PeerCorpus, rebuilt by extract.py). Each sample is scanned alone, as the file
/// it names (.env, Makefile, config.go, ...); a true sample counts as found when any secret rule reports it, a false
/// sample as a false positive when any does. The per-provider table goes to the test output, to peer-corpus.md beside
/// the test binary and to the marked section of docs/secrets.md.
/// </summary>
public class PeerCorpusTests(ITestOutputHelper output)
{
    // Ratchet towards the goal of issue 17 (recall >= 0.90, false positives <= 0.02, each focus provider >= 0.80):
    // raised as detectors land, never lowered. A focus provider's recall leaves out its true samples marked `policy:`
    // (placeholders and other misses a documented policy explains); the overall recall counts every true sample.
    private const double MinRecall = 0.9289;
    private const double MaxFalsePositiveRate = 0.0162;
    private const double MinFocusRecall = 0.80;

    private static readonly string[] FocusProviders =
    [
        "aws", "github", "gitlab", "slack", "stripe", "twilio", "sendgrid", "mailgun", "google", "azure", "openai", "anthropic",
        "npm", "pypi", "docker", "datadog", "sentry", "shopify", "private-key", "jwt", "connection-string",
    ];

    private sealed record Sample(string Peer, string Provider, string Source, bool Label, string File, string Text, string? Relabelled, string? Policy);

    private sealed record Judged(Sample Sample, bool Flagged);

    [Fact]
    public void Peer_samples_meet_recall_and_false_positive_thresholds()
    {
        var rules = RuleCatalog.Default.Rules.OfType<FileRule>().Where(r => r.Metadata.Tags.Contains("secrets")).ToList();
        var judged = LoadSamples().Select(s => new Judged(s, Scan(rules, s))).ToList();
        judged.Count.ShouldBeGreaterThan(1000);

        var (table, recall, fpRate, weakFocus) = Report(judged);
        var staleMarks = judged.Where(j => j.Sample.Policy is not null && j.Flagged)
            .Select(j => $"{j.Sample.Peer} {j.Sample.Source} ({j.Sample.File}): found, so its policy mark is stale").ToList();
        output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "peer-corpus.md"), table);
        WriteIntoDocs(table);

        recall.ShouldBeGreaterThanOrEqualTo(MinRecall, "overall recall");
        fpRate.ShouldBeLessThanOrEqualTo(MaxFalsePositiveRate, "overall false positive rate");
        weakFocus.ShouldBeEmpty($"focus providers below {MinFocusRecall:P0} recall");
        staleMarks.ShouldBeEmpty("samples marked as missed by policy that the scan now finds (remove the mark in extract.py and the YAML)");
    }

    private static bool Scan(IReadOnlyList<FileRule> rules, Sample sample)
    {
        var engine = new RuleEngine(rules.Select(ActiveRule.WithDefaults));
        engine.CheckFile(new SourceFile(sample.File, sample.Text));
        var (findings, errors) = engine.Complete();
        errors.ShouldBeEmpty($"engine errors on a {sample.Peer} sample");
        return findings.Count > 0;
    }

    private static IEnumerable<Sample> LoadSamples()
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.Fixture("PeerCorpus"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var peer = Path.GetFileNameWithoutExtension(path);
            var yaml = new YamlStream();
            using (var reader = File.OpenText(path)) yaml.Load(reader);
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            foreach (var node in ((YamlSequenceNode)root["samples"]).Cast<YamlMappingNode>())
            {
                string Get(string key) => ((YamlScalarNode)node[key]).Value ?? "";
                string? Optional(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                yield return new Sample(peer, Get("provider"), Get("source"), Get("label") == "true", Get("file"), Get("text"), Optional("relabelled"), Optional("policy"));
            }
        }
    }

    private static (string Table, double Recall, double FpRate, List<string> WeakFocus) Report(List<Judged> judged)
    {
        static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        static string Pct(int a, int b) => b == 0 ? "-" : Ratio(a, b).ToString("P1", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        var trueCount = judged.Count(j => j.Sample.Label);
        var found = judged.Count(j => j.Sample.Label && j.Flagged);
        var falseCount = judged.Count(j => !j.Sample.Label);
        var flagged = judged.Count(j => !j.Sample.Label && j.Flagged);
        text.AppendLine(CultureInfo.InvariantCulture, $"Peer corpus: {judged.Count} samples; recall {Pct(found, trueCount)} ({found}/{trueCount}), false positives {Pct(flagged, falseCount)} ({flagged}/{falseCount}); thresholds: recall >= {MinRecall:P1}, false positives <= {MaxFalsePositiveRate:P1}, each focus provider >= {MinFocusRecall:P0}. {judged.Count(j => j.Sample.Relabelled is not null)} false samples of the peers hold a real-shaped credential (of another kind, or a complete one with characters appended) and count as true (the `relabelled` reason beside each in the YAML). {judged.Count(j => j.Sample.Policy is not null)} true samples of focus providers are missed by a documented policy (the `policy` beside each; column \"by policy\"): they count in every recall here except a focus provider's floor, \"recall w/o policy\".");
        text.AppendLine();
        text.AppendLine("| peer | true | found | recall | false | flagged | FP rate |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var peer in judged.GroupBy(j => j.Sample.Peer).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int t = peer.Count(j => j.Sample.Label), f = peer.Count(j => j.Sample.Label && j.Flagged);
            int n = peer.Count(j => !j.Sample.Label), p = peer.Count(j => !j.Sample.Label && j.Flagged);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {peer.Key} | {t} | {f} | {Pct(f, t)} | {n} | {p} | {Pct(p, n)} |");
        }
        text.AppendLine();
        text.AppendLine("| provider | focus | true | found | recall | by policy | recall w/o policy | false | flagged | FP rate |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var weak = new List<string>();
        foreach (var provider in judged.GroupBy(j => j.Sample.Provider).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int t = provider.Count(j => j.Sample.Label), f = provider.Count(j => j.Sample.Label && j.Flagged);
            int n = provider.Count(j => !j.Sample.Label), p = provider.Count(j => !j.Sample.Label && j.Flagged);
            int byPolicy = provider.Count(j => j.Sample.Label && j.Sample.Policy is not null);
            int fReal = provider.Count(j => j.Sample.Label && j.Sample.Policy is null && j.Flagged);
            var focus = FocusProviders.Contains(provider.Key);
            if (focus && Ratio(fReal, t - byPolicy) < MinFocusRecall) weak.Add($"{provider.Key} {Pct(fReal, t - byPolicy)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {provider.Key} | {(focus ? "yes" : "")} | {t} | {f} | {Pct(f, t)} | {byPolicy} | {Pct(fReal, t - byPolicy)} | {n} | {p} | {Pct(p, n)} |");
        }
        text.AppendLine();
        text.AppendLine("Misses (M) and false positives (F), secrets redacted:");
        text.AppendLine();
        foreach (var j in judged.Where(j => j.Sample.Label != j.Flagged).OrderBy(j => j.Sample.Provider, StringComparer.Ordinal).ThenBy(j => j.Sample.Peer, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"- {(j.Sample.Label ? "M" : "F")} {j.Sample.Provider} ({j.Sample.Peer} {j.Sample.Source}, {j.Sample.File}): `{Redacted(j.Sample.Text)}`{(j.Sample.Policy is null ? "" : $" (policy: {j.Sample.Policy})")}");
        return (text.ToString(), Ratio(found, trueCount), Ratio(flagged, falseCount), weak);
    }

    /// <summary>The sample's first line, cut short, with every long token replaced by its preview (tests print only previews).</summary>
    private static string Redacted(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        if (line.Length > 100) line = line[..100] + "...";
        var words = System.Text.RegularExpressions.Regex.Replace(line, @"[A-Za-z0-9_+/=.\-]{12,}", m => Redaction.Preview(m.Value));
        return words.Replace("`", "'", StringComparison.Ordinal);
    }

    private static void WriteIntoDocs(string table)
    {
        const string start = "<!-- peer-corpus:start -->", end = "<!-- peer-corpus:end -->";
        var docs = Path.Combine(TestPaths.Repo, "docs", "secrets.md");
        var text = File.ReadAllText(docs);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) return;
        var updated = string.Concat(text.AsSpan(0, from + start.Length), "\n", table, text.AsSpan(to));
        if (updated != text) File.WriteAllText(docs, updated);
    }
}
