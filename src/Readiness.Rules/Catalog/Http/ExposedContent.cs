using System.Text.RegularExpressions;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>What an exposed-file probe proved: which file or page, and a snippet that shows it without any secret.</summary>
public sealed record Exposure(string Kind, string What, HttpExchange Exchange, string Proof);

/// <summary>
/// Recognizes exposed files and pages by their content, never by status alone, and discounts soft-404 servers that
/// answer every path with the same 200 page (the random missing path shows what that page looks like).
/// </summary>
public static class ExposedContent
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static Regex R(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline | extra, Timeout);

    private static readonly Regex GitHead = R(@"\A\s*(ref: refs/[\w./-]+|[0-9a-f]{40})\s*\z");
    private static readonly Regex EnvLine = R(@"^\s*(?:export\s+)?([A-Z][A-Z0-9_]{1,63})\s*=");
    private static readonly Regex Listing = R(@"<title>\s*Index of /|<h1>\s*Index of /|<title>\s*Directory listing for /|<h1>\s*Directory listing for /|\[To Parent Directory\]|<title>Directory Listing For \[?/", RegexOptions.IgnoreCase);
    private static readonly Regex ApacheStatus = R(@"<title>Apache Status</title>|<h1>Apache Server Status for ", RegexOptions.IgnoreCase);
    private static readonly Regex NginxStatus = R(@"\AActive connections: \d+\s*\n\s*server accepts handled requests");
    private static readonly Regex ActuatorEnv = R(@"""propertySources""\s*:\s*\[");
    private static readonly Regex PhpInfo = R(@"<title>phpinfo\(\)</title>|<h1 class=""p"">PHP Version [\d.]+</h1>", RegexOptions.IgnoreCase);
    private static readonly Regex DjangoToolbar = R(@"<div\s+id=""djDebug""", RegexOptions.IgnoreCase);
    private static readonly Regex PasswordField = R(@"<input\b[^>]*type\s*=\s*[""']?password", RegexOptions.IgnoreCase);

    /// <summary>Exposed .git, .env and .DS_Store files (RDY3017).</summary>
    public static IEnumerable<Exposure> SensitiveFiles(HttpTarget target)
    {
        if (Answer(target, HttpPurposes.GitHead) is { } git && Match(GitHead, git.BodyExcerpt) is { } head)
            yield return new Exposure("git", "the Git metadata folder (/.git/HEAD answers, so the whole repository and its history can be downloaded)", git, ".git/HEAD: " + head.Value.Trim());
        if (Answer(target, HttpPurposes.EnvFile) is { } env && !LooksLikeHtml(env))
        {
            // Key names prove it; values are secrets and are never shown.
            var keys = Matches(EnvLine, env.BodyExcerpt).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count > 0)
                yield return new Exposure("env", $"the environment file /.env ({keys.Count} variable{(keys.Count == 1 ? "" : "s")})", env,
                    ".env defines " + string.Join(", ", keys.Take(8)) + (keys.Count > 8 ? ", ..." : "") + " (values not shown)");
        }
        if (Answer(target, HttpPurposes.DsStore) is { } ds && ds.BodyExcerpt.Length >= 8 && ds.BodyExcerpt.AsSpan(4, 4).SequenceEqual("Bud1"))
            yield return new Exposure("ds-store", "a macOS .DS_Store file (it lists the names of the files in the folder)", ds, ".DS_Store: Mac OS X Desktop Services Store (magic 00 00 00 01 'Bud1')");
    }

    /// <summary>A directory listing on the page's folder, or on the page itself (RDY3018).</summary>
    public static Exposure? DirectoryListing(HttpTarget target)
    {
        foreach (var exchange in new[] { Answer(target, HttpPurposes.DirectoryListing), Answer(target, HttpPurposes.Page) })
        {
            if (exchange is not null && Match(Listing, exchange.BodyExcerpt) is { } m)
                return new Exposure("directory-listing", $"a directory listing of {exchange.FinalUrl}", exchange, ErrorLeaks.Excerpt(exchange.BodyExcerpt, m));
        }
        return null;
    }

    /// <summary>Server status, Spring actuator env, phpinfo and the Django debug toolbar (RDY3019).</summary>
    public static IEnumerable<Exposure> DebugEndpoints(HttpTarget target)
    {
        if (Answer(target, HttpPurposes.ServerStatus) is { } status && (Match(ApacheStatus, status.BodyExcerpt) ?? Match(NginxStatus, status.BodyExcerpt)) is { } s)
            yield return new Exposure("server-status", "the web server's status page /server-status (clients, their addresses and the URLs being served)", status, ErrorLeaks.Excerpt(status.BodyExcerpt, s));
        if (Answer(target, HttpPurposes.ActuatorEnv) is { } actuator && Match(ActuatorEnv, actuator.BodyExcerpt) is not null)
            yield return new Exposure("actuator-env", "Spring Boot's /actuator/env (the whole configuration, often with credentials)", actuator, "/actuator/env answers with its \"propertySources\" (values not shown)");
        if (Answer(target, HttpPurposes.PhpInfo) is { } php && Match(PhpInfo, php.BodyExcerpt) is { } p)
            yield return new Exposure("phpinfo", "phpinfo() at /phpinfo.php (PHP's configuration, paths and environment variables)", php, ErrorLeaks.Excerpt(php.BodyExcerpt, p));
        if (Answer(target, HttpPurposes.Page) is { } page && Match(DjangoToolbar, page.BodyExcerpt) is not null)
            yield return new Exposure("django-debug-toolbar", "the Django debug toolbar on the page (SQL queries, settings, headers)", page, "<div id=\"djDebug\" ...> (the toolbar's panels are in the page)");
    }

    /// <summary>A login form at /admin/ (RDY3020, info).</summary>
    public static Exposure? AdminLogin(HttpTarget target) =>
        Answer(target, HttpPurposes.AdminLogin) is { } admin && Match(PasswordField, admin.BodyExcerpt) is { } m
            ? new Exposure("admin-login", $"an administration login form at {admin.FinalUrl}", admin, ErrorLeaks.Excerpt(admin.BodyExcerpt, m))
            : null;

    /// <summary>
    /// A 200 answer to the probe that is not the server's page for any path: a soft-404 server answers the random
    /// missing path with 200 too, and the same body (give or take the path it echoes) means nothing was found here.
    /// </summary>
    public static HttpExchange? Answer(HttpTarget target, string purpose)
    {
        var exchange = target.Answered.FirstOrDefault(e => e.Purpose == purpose);
        if (exchange is null || exchange.Status != 200 || exchange.Redirects.Count > 0 || exchange.LeftOriginTo is not null) return null;
        if (purpose == HttpPurposes.Page) return exchange;
        var missing = target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.MissingPath);
        return missing is { Status: 200 } && SameBody(missing, exchange) ? null : exchange;
    }

    private static bool SameBody(HttpExchange a, HttpExchange b)
    {
        string Normalized(HttpExchange e) => e.BodyExcerpt.Replace(new Uri(e.FinalUrl).AbsolutePath, "", StringComparison.Ordinal);
        var (x, y) = (Normalized(a), Normalized(b));
        if (x == y) return true;
        // Pages that embed a request id or a timestamp: nearly the same length and mostly the same text.
        var shorter = Math.Min(x.Length, y.Length);
        var common = 0;
        while (common < shorter && x[common] == y[common]) common++;
        return shorter > 0 && Math.Abs(x.Length - y.Length) <= Math.Max(16, shorter / 50) && common >= shorter * 0.8;
    }

    private static bool LooksLikeHtml(HttpExchange e) =>
        (e.Header("Content-Type") ?? "").Contains("html", StringComparison.OrdinalIgnoreCase) || e.BodyExcerpt.TrimStart().StartsWith('<');

    private static Match? Match(Regex regex, string body)
    {
        try
        {
            var m = regex.Match(body);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static IEnumerable<Match> Matches(Regex regex, string body)
    {
        try
        {
            return regex.Matches(body).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }
}
