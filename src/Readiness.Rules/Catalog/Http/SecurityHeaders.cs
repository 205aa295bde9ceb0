using System.Globalization;
using Readiness.Rules.Model;
using Readiness.Rules.Text;

namespace Readiness.Rules.Catalog.Http;

/// <summary>Strict-Transport-Security as browsers read it: the first header wins; null max-age means unparseable.</summary>
public sealed record HstsPolicy(string Raw, long? MaxAge, bool IncludeSubDomains, bool Preload)
{
    public static HstsPolicy? Of(HttpExchange exchange)
    {
        var raw = exchange.Header("Strict-Transport-Security");
        if (raw is null) return null;
        long? maxAge = null;
        bool subDomains = false, preload = false;
        foreach (var part in raw.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = SplitOnce(part, '=');
            if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(value?.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                maxAge = seconds;
            else if (name.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase)) subDomains = true;
            else if (name.Equals("preload", StringComparison.OrdinalIgnoreCase)) preload = true;
        }
        return new HstsPolicy(raw, maxAge, subDomains, preload);
    }

    internal static (string Name, string? Value) SplitOnce(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text.Trim(), null) : (text[..at].Trim(), text[(at + 1)..].Trim());
    }
}

/// <summary>One Content-Security-Policy header: directive name (lower case) to its source expressions.</summary>
public sealed class ContentSecurityPolicy
{
    private static readonly string[] ScriptFallback = ["script-src", "default-src"];
    private static readonly HashSet<string> ActiveDirectives = new(StringComparer.Ordinal)
    {
        "default-src", "script-src", "script-src-elem", "script-src-attr", "object-src", "connect-src", "frame-src",
        "child-src", "worker-src", "base-uri", "form-action",
    };

    private ContentSecurityPolicy(string raw, IReadOnlyDictionary<string, IReadOnlyList<string>> directives)
    {
        Raw = raw;
        Directives = directives;
    }

    public string Raw { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Directives { get; }

    /// <summary>Parses one header value; a repeated directive is ignored after its first occurrence, as browsers do.</summary>
    public static ContentSecurityPolicy Parse(string raw)
    {
        var directives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var part in raw.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            directives.TryAdd(tokens[0].ToLowerInvariant(), tokens.Skip(1).ToList());
        }
        return new ContentSecurityPolicy(raw, directives);
    }

    /// <summary>The enforced policies of a response (Content-Security-Policy headers, each one enforced on its own).</summary>
    public static IReadOnlyList<ContentSecurityPolicy> Enforced(HttpExchange exchange) =>
        exchange.Headers("Content-Security-Policy").Where(v => v.Trim().Length > 0).Select(Parse).ToList();

    /// <summary>The sources that govern scripts: script-src, else default-src; null when neither restricts them.</summary>
    public IReadOnlyList<string>? ScriptSources =>
        ScriptFallback.Select(d => Directives.GetValueOrDefault(d)).FirstOrDefault(s => s is not null);

    /// <summary>What weakens this policy; see <see cref="CspWeakness"/>.</summary>
    public IReadOnlyList<CspWeakness> Weaknesses()
    {
        var found = new List<CspWeakness>();
        var scripts = ScriptSources;
        if (scripts is null)
        {
            found.Add(new CspWeakness(CspWeaknessKind.ScriptsUnrestricted, "script-src", "(none)"));
        }
        else
        {
            var hasNonceOrHash = scripts.Any(s => s.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) || s.StartsWith("'sha", StringComparison.OrdinalIgnoreCase));
            var directive = Directives.ContainsKey("script-src") ? "script-src" : "default-src";
            // A nonce or hash makes browsers ignore 'unsafe-inline' (CSP level 2), so it is the recommended fallback.
            if (!hasNonceOrHash && scripts.Contains("'unsafe-inline'", StringComparer.OrdinalIgnoreCase))
                found.Add(new CspWeakness(CspWeaknessKind.UnsafeInline, directive, "'unsafe-inline'"));
            if (scripts.Contains("'unsafe-eval'", StringComparer.OrdinalIgnoreCase))
                found.Add(new CspWeakness(CspWeaknessKind.UnsafeEval, directive, "'unsafe-eval'"));
        }

        foreach (var (directive, sources) in Directives)
        {
            var governsCode = directive is "default-src" or "script-src" or "script-src-elem" or "object-src";
            foreach (var source in sources)
            {
                var lower = source.ToLowerInvariant();
                if (governsCode && lower is "*" or "http:" or "https:" or "data:" or "blob:")
                    found.Add(new CspWeakness(CspWeaknessKind.Wildcard, directive, source));
                if (lower == "http:" || lower.StartsWith("http://", StringComparison.Ordinal))
                    found.Add(new CspWeakness(ActiveDirectives.Contains(directive) ? CspWeaknessKind.InsecureScheme : CspWeaknessKind.InsecureSchemePassive, directive, source));
            }
        }
        return found;
    }

    /// <summary>True when frame-ancestors is set and does not let any site frame the page.</summary>
    public bool RestrictsFraming =>
        Directives.TryGetValue("frame-ancestors", out var sources)
        && !sources.Any(s => s is "*" or "http:" or "https:");
}

public enum CspWeaknessKind
{
    ScriptsUnrestricted,
    UnsafeInline,
    UnsafeEval,
    Wildcard,
    InsecureScheme,
    InsecureSchemePassive,
}

public sealed record CspWeakness(CspWeaknessKind Kind, string Directive, string Source);

/// <summary>One Set-Cookie header. The value is a secret (a session id): only <see cref="Redacted"/> may be shown.</summary>
public sealed record SetCookie(string Name, string Value, bool Secure, bool HttpOnly, string? SameSite, string Raw)
{
    public static IReadOnlyList<SetCookie> Of(HttpExchange exchange) =>
        exchange.Headers("Set-Cookie").Select(Parse).Where(c => c.Name.Length > 0).ToList();

    public static SetCookie Parse(string raw)
    {
        var parts = raw.Split(';', StringSplitOptions.TrimEntries);
        var (name, value) = HstsPolicy.SplitOnce(parts[0], '=');
        bool secure = false, httpOnly = false;
        string? sameSite = null;
        foreach (var attribute in parts.Skip(1))
        {
            var (key, attributeValue) = HstsPolicy.SplitOnce(attribute, '=');
            if (key.Equals("Secure", StringComparison.OrdinalIgnoreCase)) secure = true;
            else if (key.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase)) httpOnly = true;
            else if (key.Equals("SameSite", StringComparison.OrdinalIgnoreCase)) sameSite = attributeValue ?? "";
        }
        return new SetCookie(name, value ?? "", secure, httpOnly, sameSite, raw);
    }

    /// <summary>True for a recognized SameSite value (Strict, Lax, or None together with Secure).</summary>
    public bool HasValidSameSite => SameSite is not null
        && (SameSite.Equals("Strict", StringComparison.OrdinalIgnoreCase) || SameSite.Equals("Lax", StringComparison.OrdinalIgnoreCase)
            || (SameSite.Equals("None", StringComparison.OrdinalIgnoreCase) && Secure));

    /// <summary>Cookies that look like they carry a session or login (the ones that matter most).</summary>
    public bool LooksLikeSession =>
        !LooksLikeCsrfToken
        && new[] { "sess", "sid", "login", "auth", "token", "jwt", "remember", ".aspnetcore.identity", ".aspxauth" }
            .Any(part => Name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>CSRF cookies are read by scripts on purpose (Django's csrftoken, Angular's XSRF-TOKEN).</summary>
    public bool LooksLikeCsrfToken => Name.Contains("csrf", StringComparison.OrdinalIgnoreCase) || Name.Contains("xsrf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The header with the cookie's value replaced by a preview.</summary>
    public string Redacted => "Set-Cookie: " + (Value.Length == 0 ? Raw : Redaction.RedactIn(Raw, Value));
}

/// <summary>Referrer-Policy: a comma-separated list where the last value the browser knows wins.</summary>
public static class ReferrerPolicy
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
        "strict-origin", "strict-origin-when-cross-origin", "unsafe-url",
    };

    /// <summary>Policies that send the full URL (path and query) to other sites.</summary>
    public static readonly IReadOnlySet<string> LeaksFullUrl = new HashSet<string>(StringComparer.Ordinal) { "unsafe-url", "no-referrer-when-downgrade" };

    /// <summary>The effective policy (lower case), "" when the header is present but has no known value, null when absent.</summary>
    public static string? Effective(HttpExchange exchange)
    {
        var values = exchange.Headers("Referrer-Policy").ToList();
        if (values.Count == 0) return null;
        return values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Select(v => v.ToLowerInvariant()).LastOrDefault(Known.Contains) ?? "";
    }
}
