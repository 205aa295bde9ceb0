using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>One &lt;script src&gt; of a page: whether it comes from another site, over https, and with an integrity hash.</summary>
public sealed record PageScript(string Src, bool External, bool Secure, bool HasIntegrity);

/// <summary>
/// The external scripts of an HTML page, for Subresource Integrity. "External" means another registrable domain,
/// approximated as the last two host labels (three under a country's second level such as co.uk or com.au), since no
/// public suffix list ships with the scanner.
/// </summary>
public static class SubresourceIntegrity
{
    /// <summary>The page's scripts, or null when the response is not HTML.</summary>
    public static IReadOnlyList<PageScript>? Scripts(HttpExchange page)
    {
        var type = page.Header("Content-Type") ?? "";
        if (!type.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
        var pageUrl = new Uri(page.FinalUrl);
        var pageHttps = pageUrl.Scheme == Uri.UriSchemeHttps;
        var scripts = new List<PageScript>();
        foreach (var tag in HtmlTags.Find(page.BodyExcerpt, "script"))
        {
            if (!tag.TryGetValue("src", out var src) || src.Trim().Length == 0) continue;
            src = src.Trim();
            var integrity = tag.TryGetValue("integrity", out var hash) && hash.Trim().Length > 0;
            if (!Uri.TryCreate(pageUrl, src, out var resolved)) continue;
            var explicitScheme = src.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            var protocolRelative = src.StartsWith("//", StringComparison.Ordinal);
            var external = (explicitScheme || protocolRelative) && !SameSite(resolved.Host, pageUrl.Host);
            // A relative or protocol-relative src is fetched with the page's own scheme.
            var secure = explicitScheme ? resolved.Scheme == Uri.UriSchemeHttps : pageHttps;
            scripts.Add(new PageScript(src, external, secure, integrity));
        }
        return scripts;
    }

    private static readonly HashSet<string> SecondLevel = new(StringComparer.OrdinalIgnoreCase) { "co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go" };

    internal static bool SameSite(string a, string b) => string.Equals(Site(a), Site(b), StringComparison.OrdinalIgnoreCase);

    private static string Site(string host)
    {
        if (System.Net.IPAddress.TryParse(host, out _)) return host;
        var labels = host.TrimEnd('.').Split('.');
        if (labels.Length <= 2) return host;
        var take = labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(take, labels.Length)..]);
    }
}
