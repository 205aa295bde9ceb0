using Readiness.Rules.Catalog.Http;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.Http;

namespace Readiness.Tests.Http;

/// <summary>Probes targets with the real prober and runs every HTTP rule over what it saw.</summary>
public sealed record HttpScan(IReadOnlyList<HttpTarget> Targets, Coverage Coverage, IReadOnlyList<Finding> Findings)
{
    public static readonly HttpProbeOptions FastOptions = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<HttpScan> RunAsync(HttpProbeOptions options, params HttpProbeTarget[] targets)
    {
        var collector = new EvidenceCollector();
        await new HttpProbeSource(targets, options).CollectAsync(collector, CancellationToken.None);
        return Judge(collector.HttpTargets, collector.Coverage);
    }

    public static HttpScan Judge(IReadOnlyList<HttpTarget> targets, Coverage coverage,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>>? parameters = null)
    {
        var rules = RuleCatalog.Default.Rules.Where(r => r.Metadata.Tags.Contains("http"))
            .Select(r => parameters?.TryGetValue(r.Id, out var p) == true ? new ActiveRule(r, r.Metadata.Severity, p) : ActiveRule.WithDefaults(r));
        var engine = new RuleEngine(rules);
        engine.CheckModel(new Evidence { Http = targets });
        var (findings, errors) = engine.Complete();
        if (errors.Count > 0) throw new InvalidOperationException("Engine errors: " + string.Join("; ", errors));
        return new HttpScan(targets, coverage, findings);
    }

    public IEnumerable<Finding> For(string url) => Findings.Where(f => f.Location.Endpoint == url);

    public IReadOnlyList<string> RuleIds(string url) => For(url).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

    public Finding Single(string url, string ruleId, string? key = null) =>
        For(url).Single(f => f.RuleId == ruleId && (key is null || f.FingerprintKey == key));

    public HttpGrade? Grade(string url) => HttpGrader.Grade(Targets.Single(t => t.Url == url));

    /// <summary>Every finding on one line each, for failure messages.</summary>
    public string Dump() => string.Join("\n", Findings.Select(f => $"{f.RuleId} {f.Location.Endpoint} [{f.FingerprintKey}] {f.Message} | {f.Snippet}"))
        + "\nGaps:\n" + string.Join("\n", Coverage.Gaps.Select(g => g.Display()));
}
