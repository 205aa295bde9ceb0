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

/// <summary>One Content-Security-Policy (a header, or a &lt;meta http-equiv&gt; tag): directive name (lower case) to its sources.</summary>
public sealed class ContentSecurityPolicy
{
    private static readonly string[] ScriptFallback = ["script-src", "default-src"];
    private static readonly string[] ObjectFallback = ["object-src", "default-src"];
    private static readonly string[] StyleFallback = ["style-src", "default-src"];

    /// <summary>Sources that allow any host, as the Observatory counts them.</summary>
    private static readonly HashSet<string> Broad = new(StringComparer.OrdinalIgnoreCase)
    {
        "*", "http:", "https:", "ftp:", "http://*", "http://*.*", "https://*", "https://*.*", "data:", "blob:",
    };

    /// <summary>Directives a &lt;meta&gt; policy cannot carry (HTML spec): browsers drop them there.</summary>
    private static readonly HashSet<string> HeaderOnly = new(StringComparer.Ordinal) { "frame-ancestors", "report-uri", "sandbox" };

    /// <summary>Passive content: an http: image or video can be replaced, but it cannot run code.</summary>
    private static readonly HashSet<string> PassiveDirectives = new(StringComparer.Ordinal) { "img-src", "media-src" };

    private ContentSecurityPolicy(string raw, IReadOnlyDictionary<string, IReadOnlyList<string>> directives, bool fromMeta)
    {
        Raw = raw;
        Directives = directives;
        FromMeta = fromMeta;
    }

    public string Raw { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Directives { get; }

    /// <summary>True for a policy read from &lt;meta http-equiv="Content-Security-Policy"&gt; in the page body.</summary>
    public bool FromMeta { get; }

    /// <summary>Parses one policy; a repeated directive is ignored after its first occurrence, as browsers do.</summary>
    public static ContentSecurityPolicy Parse(string raw, bool fromMeta = false)
    {
        var directives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var part in raw.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var name = tokens[0].ToLowerInvariant();
            if (fromMeta && HeaderOnly.Contains(name)) continue;
            directives.TryAdd(name, tokens.Skip(1).ToList());
        }
        return new ContentSecurityPolicy(raw, directives, fromMeta);
    }

    /// <summary>
    /// The enforced policies of a response: each Content-Security-Policy header, then each &lt;meta http-equiv&gt;
    /// policy in the body already read. Browsers enforce every one of them.
    /// </summary>
    public static IReadOnlyList<ContentSecurityPolicy> Enforced(HttpExchange exchange) =>
        exchange.Headers("Content-Security-Policy").Where(v => v.Trim().Length > 0).Select(v => Parse(v))
            .Concat(HtmlTags.HttpEquiv(exchange.BodyExcerpt, "Content-Security-Policy").Where(v => v.Trim().Length > 0).Select(v => Parse(v, fromMeta: true)))
            .Where(p => !p.FromMeta || p.Directives.Count > 0)
            .ToList();

    /// <summary>The sources that govern scripts: script-src, else default-src; null when neither restricts them.</summary>
    public IReadOnlyList<string>? ScriptSources => First(ScriptFallback);

    /// <summary>True when the script sources carry a nonce or a hash.</summary>
    public bool ScriptsUseNonceOrHash => ScriptSources?.Any(IsNonceOrHash) == true;

    /// <summary>
    /// 'strict-dynamic' with a nonce or hash (CSP Level 3): browsers then ignore host and scheme sources, 'self' and
    /// 'unsafe-inline' in the script sources, so none of those weaken the policy.
    /// </summary>
    public bool StrictDynamic => ScriptsUseNonceOrHash && ScriptSources!.Contains("'strict-dynamic'", StringComparer.OrdinalIgnoreCase);

    /// <summary>What weakens this policy; see <see cref="CspWeakness"/>.</summary>
    public IReadOnlyList<CspWeakness> Weaknesses()
    {
        var found = new List<CspWeakness>();
        var scriptDirective = Directives.ContainsKey("script-src") ? "script-src" : "default-src";
        var scripts = EffectiveScriptSources();
        if (scripts is null)
        {
            found.Add(new CspWeakness(CspWeaknessKind.ScriptsUnrestricted, "script-src", "(none)"));
        }
        else
        {
            // A nonce or hash makes browsers ignore 'unsafe-inline' (CSP level 2), so it is the recommended fallback.
            if (!ScriptsUseNonceOrHash && scripts.Contains("'unsafe-inline'", StringComparer.OrdinalIgnoreCase))
                found.Add(new CspWeakness(CspWeaknessKind.UnsafeInline, scriptDirective, "'unsafe-inline'"));
            found.AddRange(scripts.Where(Broad.Contains).Select(s => new CspWeakness(CspWeaknessKind.Wildcard, scriptDirective, s)));
        }
        var objects = First(ObjectFallback);
        if (objects is null)
            found.Add(new CspWeakness(CspWeaknessKind.ObjectsUnrestricted, "object-src", "(none)"));
        else
            found.AddRange(objects.Where(Broad.Contains).Select(s => new CspWeakness(CspWeaknessKind.Wildcard, Directives.ContainsKey("object-src") ? "object-src" : "default-src", s)));

        // No style-src and no default-src leaves styles unrestricted (as the Observatory counts it: "*").
        var styles = First(StyleFallback) ?? ["*"];
        if ((scripts ?? []).Concat(styles).Contains("'unsafe-eval'", StringComparer.OrdinalIgnoreCase))
            found.Add(new CspWeakness(CspWeaknessKind.UnsafeEval, scriptDirective, "'unsafe-eval'"));

        // Plain-HTTP sources: scripts, styles, frames and connections are active content; images and media passive.
        foreach (var (directive, sources) in Directives)
        {
            var effective = directive == scriptDirective && scripts is not null ? scripts : sources;
            foreach (var source in effective.Where(IsInsecureScheme))
                found.Add(new CspWeakness(PassiveDirectives.Contains(directive) ? CspWeaknessKind.InsecureSchemePassive : CspWeaknessKind.InsecureScheme, directive, source));
        }
        if (styles.Any(s => Broad.Contains(s) || s.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase)) && !styles.Any(IsNonceOrHash))
            found.Add(new CspWeakness(CspWeaknessKind.UnsafeStyle, Directives.ContainsKey("style-src") ? "style-src" : "default-src", string.Join(' ', styles)));
        return found;
    }

    /// <summary>True when the policy is exactly default-src 'none' (the Observatory's +10).</summary>
    public bool DefaultSrcNone => Directives.GetValueOrDefault("default-src") is [var only] && only.Equals("'none'", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when frame-ancestors is set (in a header: a meta policy cannot carry it) and does not let any site frame the page.</summary>
    public bool RestrictsFraming =>
        Directives.TryGetValue("frame-ancestors", out var sources)
        && !sources.Any(s => s is "*" or "http:" or "https:");

    /// <summary>The script sources that browsers still honour: with 'strict-dynamic', host and scheme sources, 'self' and 'unsafe-inline' are ignored.</summary>
    private IReadOnlyList<string>? EffectiveScriptSources()
    {
        var scripts = ScriptSources;
        if (scripts is null || !StrictDynamic) return scripts;
        return scripts.Where(s => s.StartsWith('\'') && !s.Equals("'self'", StringComparison.OrdinalIgnoreCase) && !s.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private IReadOnlyList<string>? First(string[] fallback) => fallback.Select(d => Directives.GetValueOrDefault(d)).FirstOrDefault(s => s is not null);

    private static bool IsNonceOrHash(string source) =>
        source.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) || source.StartsWith("'sha256-", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("'sha384-", StringComparison.OrdinalIgnoreCase) || source.StartsWith("'sha512-", StringComparison.OrdinalIgnoreCase);

    private static bool IsInsecureScheme(string source) =>
        source.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || source.StartsWith("ftp:", StringComparison.OrdinalIgnoreCase);
}

public enum CspWeaknessKind
{
    ScriptsUnrestricted,
    ObjectsUnrestricted,
    UnsafeInline,
    UnsafeEval,
    Wildcard,
    InsecureScheme,
    InsecureSchemePassive,
    UnsafeStyle,
}

public sealed record CspWeakness(CspWeaknessKind Kind, string Directive, string Source);

/// <summary>One Set-Cookie header. The value is a secret (a session id): only <see cref="Redacted"/> may be shown.</summary>
public sealed record SetCookie(string Name, string Value, bool Secure, bool HttpOnly, string? SameSite, string Raw)
{
    public string? Path { get; init; }
    public string? Domain { get; init; }

    /// <summary>The URL of the response that set it (a redirect hop or the final response).</summary>
    public string SetBy { get; init; } = "";

    /// <summary>Cookies set by any response of the exchange, redirect hops included (a 301 can set a session cookie too).</summary>
    public static IReadOnlyList<SetCookie> Of(HttpExchange exchange) =>
        exchange.HeadersOnChain("Set-Cookie").Select(h => Parse(h.Value) with { SetBy = h.Url }).Where(c => c.Name.Length > 0).ToList();

    public static SetCookie Parse(string raw)
    {
        var parts = raw.Split(';', StringSplitOptions.TrimEntries);
        var (name, value) = HstsPolicy.SplitOnce(parts[0], '=');
        bool secure = false, httpOnly = false;
        string? sameSite = null, path = null, domain = null;
        foreach (var attribute in parts.Skip(1))
        {
            var (key, attributeValue) = HstsPolicy.SplitOnce(attribute, '=');
            if (key.Equals("Secure", StringComparison.OrdinalIgnoreCase)) secure = true;
            else if (key.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase)) httpOnly = true;
            else if (key.Equals("SameSite", StringComparison.OrdinalIgnoreCase)) sameSite = attributeValue ?? "";
            else if (key.Equals("Path", StringComparison.OrdinalIgnoreCase)) path = attributeValue ?? "";
            else if (key.Equals("Domain", StringComparison.OrdinalIgnoreCase)) domain = attributeValue ?? "";
        }
        return new SetCookie(name, value ?? "", secure, httpOnly, sameSite, raw) { Path = path, Domain = domain };
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

    /// <summary>
    /// What a cookie prefix requires and this cookie lacks (RFC 6265bis): __Secure- needs Secure and an https:// setter;
    /// __Host- also needs Path=/ and no Domain. Browsers silently drop a cookie that breaks these. Empty when fine.
    /// </summary>
    public IReadOnlyList<string> PrefixViolations()
    {
        var host = Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase);
        if (!host && !Name.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase)) return [];
        var missing = new List<string>();
        if (!Secure) missing.Add("the Secure attribute");
        if (!SetBy.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) missing.Add("an https:// response");
        if (host && Path != "/") missing.Add("Path=/");
        if (host && Domain is not null) missing.Add("no Domain attribute");
        return missing;
    }

    /// <summary>The header with the cookie's value replaced by a preview.</summary>
    public string Redacted => "Set-Cookie: " + (Value.Length == 0 ? Raw : Redaction.RedactIn(Raw, Value));
}

/// <summary>Referrer-Policy (header, then &lt;meta name="referrer"&gt;): a comma-separated list where the last value the browser knows wins.</summary>
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
        // <meta name="referrer"> comes after the header, so it wins, as in browsers.
        var values = exchange.Headers("Referrer-Policy").Concat(HtmlTags.MetaName(exchange.BodyExcerpt, "referrer")).ToList();
        if (values.Count == 0) return null;
        return values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Select(v => v.ToLowerInvariant()).LastOrDefault(Known.Contains) ?? "";
    }
}
