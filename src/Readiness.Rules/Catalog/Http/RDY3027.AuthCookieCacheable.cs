using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>A response that sets a session cookie without Cache-Control: no-store can be cached and replayed to another user.</summary>
public sealed class AuthCookieCacheable : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in target.Answered)
        {
            // Each response of the chain is judged with its own Cache-Control: hops carry theirs.
            var responses = exchange.Redirects.Select(r => (Url: r.From, Headers: r.ResponseHeaders))
                .Append((Url: exchange.FinalUrl, Headers: exchange.ResponseHeaders));
            foreach (var (url, headers) in responses)
            {
                var session = headers.Where(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => SetCookie.Parse(h.Value))
                    .FirstOrDefault(c => c.Value.Length > 0 && c.LooksLikeSession);
                if (session is null || !seen.Add(url)) continue;
                var cacheControl = string.Join(", ", headers.Where(h => h.Key.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
                if (cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)) continue;
                yield return context.AtEndpoint(target.Url,
                    $"The response of {url} sets the session cookie '{session.Name}' with {(cacheControl.Length == 0 ? "no Cache-Control header" : $"Cache-Control '{cacheControl}'")}, so a CDN, proxy or the browser cache may store it and hand the session to someone else; send 'Cache-Control: no-store' on every response that sets an authentication cookie.",
                    session.Redacted + "\n" + (cacheControl.Length == 0 ? "(no Cache-Control)" : "Cache-Control: " + cacheControl),
                    "cacheable-session:" + session.Name, Props(exchange, ("cookie", session.Name)));
            }
        }
    }
}
