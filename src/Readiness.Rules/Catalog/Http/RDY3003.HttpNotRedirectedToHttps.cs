using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: the plain-HTTP form of the site must redirect, first thing, to HTTPS.</summary>
public sealed class HttpNotRedirectedToHttps : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        // A failure here means nothing listens on plain HTTP: there is nothing to redirect.
        var plain = target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.HttpVariant);
        if (plain is null) yield break;
        if (plain.Hops.Count == 0)
        {
            yield return context.AtEndpoint(target.Url,
                $"{plain.Url} answers HTTP {plain.Status} over plain HTTP instead of redirecting to HTTPS; answer every plain-HTTP request with a 301 to the https:// URL.",
                $"HTTP {plain.Status} {plain.Url} (no Location header)", "no-redirect", Props(plain));
            yield break;
        }
        var first = plain.Hops[0];
        if (!plain.Destination.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return context.AtEndpoint(target.Url,
                $"{plain.Url} redirects but ends on {plain.Destination}, which is not HTTPS; make the plain-HTTP site redirect to the https:// URL.",
                $"HTTP {first.Status} {first.From}\nLocation: {first.To}", "redirect-not-to-https", Props(plain));
        }
        else if (!first.To.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return context.AtEndpoint(target.Url,
                $"{plain.Url} first redirects to {first.To}, another plain-HTTP URL, before reaching HTTPS; redirect straight to the https:// URL on the same host so HSTS can be set on the first hop.",
                $"HTTP {first.Status} {first.From}\nLocation: {first.To}", "redirect-via-http", Props(plain));
        }
    }
}
