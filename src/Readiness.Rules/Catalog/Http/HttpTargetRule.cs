using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// A rule judged on each HTTP target that answered. Targets the prober could not reach carry a coverage gap instead,
/// so they are skipped here rather than passed. Findings are located at the target URL as given, so fingerprints do
/// not change with the random missing path or a redirect.
/// </summary>
public abstract class HttpTargetRule : EvidenceRule
{
    public sealed override IEnumerable<Finding> Check(Evidence evidence, RuleContext context) =>
        evidence.Http.Where(t => t.Failure is null).SelectMany(t => Check(t, context));

    protected abstract IEnumerable<Finding> Check(HttpTarget target, RuleContext context);

    /// <summary>"Name: value" as the snippet that proves a header finding, or the response that lacks it.</summary>
    protected static string HeaderLine(HttpExchange exchange, string name) =>
        exchange.Headers(name).ToList() is { Count: > 0 } values
            ? string.Join("\n", values.Select(v => $"{name}: {v}"))
            : $"HTTP {exchange.Status} {exchange.FinalUrl}: no {name} header";

    protected static IReadOnlyDictionary<string, string> Props(HttpExchange exchange, params (string Key, string Value)[] extra)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["purpose"] = exchange.Purpose,
            ["requestUrl"] = exchange.Url,
            ["responseUrl"] = exchange.FinalUrl,
            ["status"] = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra) props[key] = value;
        return props;
    }

    /// <summary>True for an HTML response (the page headers that only matter to browsers are asked of these only).</summary>
    protected static bool IsHtml(HttpExchange exchange) =>
        (exchange.Header("Content-Type") ?? "").Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's final response, when it came back.</summary>
    protected static HttpExchange? Page(HttpTarget target) => target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.Page);
}
