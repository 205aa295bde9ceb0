using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>A __Host- or __Secure- cookie that breaks its prefix's requirements is silently dropped by browsers.</summary>
public sealed class CookiePrefixViolated : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in target.Answered)
        {
            foreach (var cookie in SetCookie.Of(exchange))
            {
                if (cookie.Value.Length == 0 || !seen.Add(cookie.Name)) continue;
                var missing = cookie.PrefixViolations();
                if (missing.Count == 0) continue;
                var prefix = cookie.Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase) ? "__Host-" : "__Secure-";
                yield return context.AtEndpoint(target.Url,
                    $"Cookie '{cookie.Name}' set by {cookie.SetBy} uses the {prefix} prefix without {string.Join(", ", missing)}, so browsers reject it and the session or setting it carries never arrives; set it from an https:// response with Secure{(prefix == "__Host-" ? "; Path=/ and no Domain" : "")}.",
                    cookie.Redacted, "cookie-prefix:" + cookie.Name,
                    Props(exchange, ("cookie", cookie.Name), ("missing", string.Join(",", missing))));
            }
        }
    }
}
