using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// SHIELD-3: a response body that shows internals. Each detector is reported once per target, on the first probe
/// whose response showed it (the missing path and the malformed request exist to provoke error pages).
/// </summary>
public abstract class ErrorLeakRule : HttpTargetRule
{
    protected abstract ErrorLeak? Detect(string body);

    protected abstract string Advice { get; }

    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in target.Answered)
        {
            var leak = Detect(exchange.BodyExcerpt);
            if (leak is null || !seen.Add(leak.Detector)) continue;
            yield return context.AtEndpoint(target.Url,
                $"The {Describe(exchange)} ({exchange.Method} {exchange.FinalUrl}, HTTP {exchange.Status}) shows {leak.Description}; {Advice}",
                leak.Excerpt, leak.Detector, Props(exchange, ("detector", leak.Detector)));
        }
    }

    private static string Describe(HttpExchange exchange) => exchange.Purpose switch
    {
        HttpPurposes.MissingPath => "response to a missing path",
        HttpPurposes.Malformed => "response to a malformed request",
        HttpPurposes.Page => "page",
        _ => $"response to the {exchange.Purpose} probe",
    };
}
