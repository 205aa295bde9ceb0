using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: cookies without Secure, HttpOnly (session cookies) or SameSite. Values are never shown.</summary>
public sealed class CookieFlagsMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in target.Answered)
        {
            foreach (var cookie in SetCookie.Of(exchange))
            {
                // An empty value is a deletion: nothing to protect. Each cookie is judged once, where it was first set.
                // A prefixed cookie that breaks its prefix's rules never reaches the browser's jar: RDY3015 reports it.
                if (cookie.Value.Length == 0 || cookie.PrefixViolations().Count > 0 || !seen.Add(cookie.Name)) continue;
                var missing = new List<string>();
                if (!cookie.Secure) missing.Add("Secure");
                if (!cookie.HttpOnly && !cookie.LooksLikeCsrfToken) missing.Add("HttpOnly");
                if (!cookie.HasValidSameSite) missing.Add(cookie.SameSite is null ? "SameSite" : "a valid SameSite");
                if (missing.Count == 0) continue;
                var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.Take(missing.Count - 1)) + " and " + missing[^1];
                yield return context.AtEndpoint(target.Url,
                    $"Cookie '{cookie.Name}' set by {cookie.SetBy} lacks {list}; set it with Secure; HttpOnly; SameSite=Lax (or Strict) so it is not sent over plain HTTP, read by scripts or sent on cross-site requests.",
                    cookie.Redacted, "cookie:" + cookie.Name,
                    Props(exchange, ("cookie", cookie.Name), ("missing", string.Join(",", missing))));
            }
        }
    }
}
