using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>One graded test: its name, the outcome (Observatory-style result id), the score modifier and a sentence.</summary>
public sealed record GradeTest(string Test, string Result, int Modifier, string Description);

/// <summary>A target's grade: score (0 and up, 100 is the baseline), letter A+..F and the tests behind it.</summary>
public sealed record HttpGrade(string Url, int Score, string Letter, IReadOnlyList<GradeTest> Tests);

/// <summary>
/// Grades a target in the manner of the MDN HTTP Observatory's published scoring: start at 100, add each test's
/// modifier, count bonuses only when the score without them is 90 or more, never below 0, letters from A+ (100+) to F
/// (under 25). Computed from the same observations and thresholds (<see cref="HttpScoring"/>) as the rules, so a grade
/// never contradicts the findings. docs/http.md lists every result and where Readiness deliberately differs.
/// </summary>
public static class HttpGrader
{
    /// <summary>The grade, or null when the page could not be fetched (the target has a coverage gap instead).</summary>
    public static HttpGrade? Grade(HttpTarget target)
    {
        var page = target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.Page);
        if (target.Failure is not null || page is null) return null;
        var hsts = page.IsHttps ? HstsPolicy.Of(page) : null;
        var preloaded = page.IsHttps && HstsPreload.Covers(new Uri(page.FinalUrl).Host);
        var hstsProtects = preloaded || hsts?.MaxAge >= HttpScoring.HstsSixMonths;
        var tests = new List<GradeTest>
        {
            Csp(page),
            Cookies(target, hstsProtects),
            Cors(target),
            Corp(page),
            Redirection(target),
            Referrer(page),
            Hsts(page, hsts, preloaded),
            Sri(page),
            ContentTypeOptions(page),
            FrameOptions(page),
        };
        if (target.CertificateProblem is not null)
            tests.Add(new("tls-certificate", "certificate-not-trusted-scanned-with-insecure", 0,
                $"The certificate is not trusted ({target.CertificateProblem}); the scan went on because --insecure was given."));

        var penalties = 100 + tests.Where(t => t.Modifier < 0).Sum(t => t.Modifier);
        var score = penalties >= HttpScoring.MinimumScoreForBonus ? penalties + tests.Where(t => t.Modifier > 0).Sum(t => t.Modifier) : penalties;
        score = Math.Max(score, 0);
        return new HttpGrade(target.Url, score, HttpScoring.Letter(score), tests);
    }

    private static GradeTest Csp(HttpExchange page)
    {
        const string test = "content-security-policy";
        var policies = ContentSecurityPolicy.Enforced(page);
        if (policies.Count == 0)
            return page.Header("Content-Security-Policy-Report-Only") is not null
                ? new(test, "csp-not-implemented-but-reporting-enabled", -25, "Content Security Policy (CSP) is only reported (Content-Security-Policy-Report-Only), not enforced.")
                : new(test, "csp-not-implemented", -25, "Content Security Policy (CSP) header not implemented.");
        if (policies.Any(p => p.Directives.Count == 0)) return new(test, "csp-header-invalid", -25, "Content Security Policy (CSP) header cannot be parsed.");
        // Every enforced policy must allow a load for the browser to allow it, so a weakness counts only when all share it.
        var kinds = policies.Select(p => p.Weaknesses().Select(w => w.Kind).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        if (kinds.Overlaps([CspWeaknessKind.UnsafeInline, CspWeaknessKind.ScriptsUnrestricted, CspWeaknessKind.ObjectsUnrestricted, CspWeaknessKind.Wildcard]))
            return new(test, "csp-implemented-with-unsafe-inline", -20, "CSP implemented unsafely: 'unsafe-inline', data: or a broad source in script-src, a broad object-src, or scripts or objects not restricted.");
        if (page.IsHttps && kinds.Contains(CspWeaknessKind.InsecureScheme))
            return new(test, "csp-implemented-with-insecure-scheme", -20, "CSP implemented, but allows active content (scripts, styles, frames) over http.");
        if (kinds.Contains(CspWeaknessKind.UnsafeEval))
            return new(test, "csp-implemented-with-unsafe-eval", -10, "CSP implemented, but allows 'unsafe-eval'.");
        if (page.IsHttps && kinds.Contains(CspWeaknessKind.InsecureSchemePassive))
            return new(test, "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, "CSP implemented, but allows images or media over http.");
        if (kinds.Contains(CspWeaknessKind.UnsafeStyle))
            return new(test, "csp-implemented-with-unsafe-inline-in-style-src-only", 0, "CSP implemented with 'unsafe-inline' or a broad source inside style-src only.");
        if (policies.Any(p => p.DefaultSrcNone))
            return new(test, "csp-implemented-with-no-unsafe-default-src-none", 10, "CSP implemented with default-src 'none' and nothing unsafe.");
        return new(test, "csp-implemented-with-no-unsafe", 5, "CSP implemented without 'unsafe-inline' or 'unsafe-eval'.");
    }

    /// <summary>Cookie results from least to most severe (the Observatory's order): every cookie is judged and the worst wins.</summary>
    private static readonly GradeTest[] CookieResults =
    [
        new("cookies", "cookies-without-secure-flag-but-protected-by-hsts", -5, "Cookies set without the Secure flag, but HSTS prevents plain-HTTP transmission."),
        new("cookies", "cookies-without-secure-flag", -20, "Cookies set without the Secure flag or set over http."),
        new("cookies", "cookies-session-without-secure-flag-but-protected-by-hsts", -10, "Session cookie set without the Secure flag, but HSTS prevents plain-HTTP transmission."),
        new("cookies", "cookies-samesite-flag-invalid", -20, "Cookie set with an invalid SameSite value (or SameSite=None without Secure)."),
        new("cookies", "cookies-anticsrf-without-samesite-flag", -20, "Anti-CSRF cookie set without the SameSite flag."),
        new("cookies", "cookies-session-without-httponly-flag", -30, "Session cookie set without the HttpOnly flag."),
        new("cookies", "cookies-session-without-secure-flag", -40, "Session cookie set without the Secure flag or set over http."),
    ];

    private static GradeTest Cookies(HttpTarget target, bool hsts)
    {
        const string test = "cookies";
        // A prefixed cookie that breaks its prefix's rules is dropped by browsers (RDY3015 reports it): it is not graded.
        var cookies = target.Answered.SelectMany(SetCookie.Of).Where(c => c.Value.Length > 0 && c.PrefixViolations().Count == 0).DistinctBy(c => c.Name).ToList();
        if (cookies.Count == 0) return new(test, "cookies-not-found", 0, "No cookies detected.");
        var worst = -1;
        void Seen(string result) => worst = Math.Max(worst, Array.FindIndex(CookieResults, r => r.Result == result));
        foreach (var cookie in cookies)
        {
            if (cookie.SameSite is not null && !cookie.HasValidSameSite) Seen("cookies-samesite-flag-invalid");
            if (!cookie.Secure) Seen(hsts ? "cookies-without-secure-flag-but-protected-by-hsts" : "cookies-without-secure-flag");
            if (cookie.LooksLikeCsrfToken && cookie.SameSite is null) Seen("cookies-anticsrf-without-samesite-flag");
            if (cookie.LooksLikeSession && !cookie.Secure) Seen(hsts ? "cookies-session-without-secure-flag-but-protected-by-hsts" : "cookies-session-without-secure-flag");
            if (cookie.LooksLikeSession && !cookie.HttpOnly) Seen("cookies-session-without-httponly-flag");
        }
        if (worst >= 0) return CookieResults[worst];
        return cookies.All(c => c.HasValidSameSite)
            ? new(test, "cookies-secure-with-httponly-sessions-and-samesite", 5, "All cookies use Secure, session cookies use HttpOnly, and SameSite is set.")
            : new(test, "cookies-secure-with-httponly-sessions", 0, "All cookies use Secure and session cookies use HttpOnly.");
    }

    private static GradeTest Cors(HttpTarget target)
    {
        const string test = "cross-origin-resource-sharing";
        var cors = target.Answered.Where(e => e.Purpose is HttpPurposes.CorsPreflight or HttpPurposes.CorsGet).ToList();
        if (cors.Any(CorsReflectsOriginWithCredentials.ReflectsWithCredentials))
            return new(test, "cross-origin-resource-sharing-implemented-with-universal-access", -50, "Any origin may read responses with the user's credentials.");
        if (cors.Any(e => e.Header("Access-Control-Allow-Origin")?.Trim() == "*"))
            return new(test, "cross-origin-resource-sharing-implemented-with-public-access", 0, "Public content is visible to any origin, without credentials.");
        return cors.Any(e => e.Header("Access-Control-Allow-Origin") is not null)
            ? new(test, "cross-origin-resource-sharing-implemented-with-restricted-access", 0, "CORS restricted to specific origins.")
            : new(test, "cross-origin-resource-sharing-not-implemented", 0, "Content is not visible through CORS.");
    }

    private static GradeTest Redirection(HttpTarget target)
    {
        const string test = "redirection";
        var plain = target.Exchange(HttpPurposes.HttpVariant);
        if (plain is null) return new(test, "redirection-not-tested", 0, "The plain-HTTP form of the target was not probed.");
        if (plain.Failure is not null) return new(test, "redirection-not-needed-no-http", 0, "Not able to connect over http, so no redirection is needed.");
        if (plain.Hops.Count == 0) return new(test, "redirection-missing", -20, "Does not redirect to an https site.");
        if (!plain.Destination.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return new(test, "redirection-not-to-https", -20, "Redirects, but the final destination is not an https URL.");
        var first = plain.Hops[0];
        if (!first.To.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return new(test, "redirection-not-to-https-on-initial-redirection", -10, "Redirects to https eventually, but the initial redirection is to another http URL.");
        return Uri.TryCreate(first.From, UriKind.Absolute, out var from) && Uri.TryCreate(first.To, UriKind.Absolute, out var to)
               && !string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase)
            ? new(test, "redirection-off-host-from-http", -5, "Initial redirection from http to https is to a different host, preventing HSTS.")
            : new(test, "redirection-to-https", 0, "Initial redirection is to https on the same host, final destination is https.");
    }

    private static GradeTest Referrer(HttpExchange page)
    {
        const string test = "referrer-policy";
        return ReferrerPolicy.Effective(page) switch
        {
            null => new(test, "referrer-policy-not-implemented", 0, "Referrer-Policy header not implemented."),
            "" => new(test, "referrer-policy-header-invalid", -5, "Referrer-Policy header cannot be recognized."),
            "no-referrer" or "same-origin" or "strict-origin" or "strict-origin-when-cross-origin" =>
                new(test, "referrer-policy-private", 5, "Referrer-Policy set to a value that keeps paths private."),
            _ => new(test, "referrer-policy-unsafe", -5, "Referrer-Policy set to origin, origin-when-cross-origin, unsafe-url or no-referrer-when-downgrade."),
        };
    }

    private static GradeTest Hsts(HttpExchange page, HstsPolicy? hsts, bool preloaded)
    {
        const string test = "strict-transport-security";
        if (!page.IsHttps) return new(test, "hsts-not-implemented-no-https", -20, "HSTS cannot be set for a site not served over https.");
        if (preloaded) return new(test, "hsts-preloaded", 5, "The host is on the HSTS preload list shipped with browsers.");
        if (hsts is null) return new(test, "hsts-not-implemented", -20, "HTTP Strict Transport Security (HSTS) header not implemented.");
        if (hsts.MaxAge is null) return new(test, "hsts-header-invalid", -20, "HSTS header cannot be recognized.");
        // max-age=0 tells browsers to forget the policy (RFC 6797 6.1.1): that is no HSTS, not a short one.
        if (hsts.MaxAge == 0) return new(test, "hsts-removed-max-age-zero", -20, "HSTS header set to max-age=0, which removes the policy.");
        return hsts.MaxAge < HttpScoring.HstsSixMonths
            ? new(test, "hsts-implemented-max-age-less-than-six-months", -10, $"HSTS header set to less than six months ({HttpScoring.HstsSixMonths}).")
            : new(test, "hsts-implemented-max-age-at-least-six-months", 0, $"HSTS header set to at least six months ({HttpScoring.HstsSixMonths}).");
    }

    private static GradeTest Corp(HttpExchange page)
    {
        const string test = "cross-origin-resource-policy";
        var value = page.Header("Cross-Origin-Resource-Policy")?.Trim().ToLowerInvariant();
        return value switch
        {
            null => new(test, "corp-not-implemented", 0, "Cross-Origin-Resource-Policy header not implemented."),
            "same-origin" => new(test, "corp-implemented-with-same-origin", 10, "Cross-Origin-Resource-Policy set to same-origin."),
            "same-site" => new(test, "corp-implemented-with-same-site", 10, "Cross-Origin-Resource-Policy set to same-site."),
            "cross-origin" => new(test, "corp-implemented-with-cross-origin", 0, "Cross-Origin-Resource-Policy set to cross-origin."),
            _ => new(test, "corp-header-invalid", -5, "Cross-Origin-Resource-Policy header cannot be recognized."),
        };
    }

    private static GradeTest Sri(HttpExchange page)
    {
        const string test = "subresource-integrity";
        var scripts = SubresourceIntegrity.Scripts(page);
        if (scripts is null) return new(test, "sri-not-implemented-response-not-html", 0, "Subresource Integrity is only needed for HTML pages.");
        if (scripts.Count == 0) return new(test, "sri-not-implemented-but-no-scripts-loaded", 0, "Subresource Integrity is not needed: the page loads no scripts.");
        var external = scripts.Where(s => s.External).ToList();
        if (external.Any(s => !s.HasIntegrity && !s.Secure))
            return new(test, "sri-not-implemented-and-external-scripts-not-loaded-securely", -50, "Scripts from other sites are loaded over http without Subresource Integrity.");
        if (external.Any(s => s.HasIntegrity && !s.Secure))
            return new(test, "sri-implemented-but-external-scripts-not-loaded-securely", -20, "Scripts from other sites carry integrity, but are loaded over http.");
        if (external.Any(s => !s.HasIntegrity))
            return new(test, "sri-not-implemented-but-external-scripts-loaded-securely", -5, "Scripts from other sites are loaded over https without Subresource Integrity.");
        if (external.Count > 0)
            return new(test, "sri-implemented-and-external-scripts-loaded-securely", 5, "Every script from another site is loaded over https with Subresource Integrity.");
        return scripts.Any(s => s.HasIntegrity && s.Secure)
            ? new(test, "sri-implemented-and-all-scripts-loaded-securely", 5, "Scripts are loaded from this site, with Subresource Integrity.")
            : new(test, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0, "Scripts are loaded from this site only.");
    }

    private static GradeTest ContentTypeOptions(HttpExchange page)
    {
        const string test = "x-content-type-options";
        var value = page.Header("X-Content-Type-Options")?.Trim();
        if (value is null) return new(test, "x-content-type-options-not-implemented", -5, "X-Content-Type-Options header not implemented.");
        return value.Equals("nosniff", StringComparison.OrdinalIgnoreCase)
            ? new(test, "x-content-type-options-nosniff", 0, "X-Content-Type-Options header set to nosniff.")
            : new(test, "x-content-type-options-header-invalid", -5, "X-Content-Type-Options header cannot be recognized.");
    }

    private static GradeTest FrameOptions(HttpExchange page)
    {
        const string test = "x-frame-options";
        if (ContentSecurityPolicy.Enforced(page).Any(p => !p.FromMeta && p.RestrictsFraming))
            return new(test, "x-frame-options-implemented-via-csp", 5, "Framing restricted through the CSP frame-ancestors directive.");
        var value = page.Header("X-Frame-Options")?.Trim();
        if (value is null) return new(test, "x-frame-options-not-implemented", -20, "X-Frame-Options header not implemented.");
        if (value.Equals("DENY", StringComparison.OrdinalIgnoreCase) || value.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase))
            return new(test, "x-frame-options-sameorigin-or-deny", 0, "X-Frame-Options header set to SAMEORIGIN or DENY.");
        return value.StartsWith("ALLOW-FROM", StringComparison.OrdinalIgnoreCase)
            ? new(test, "x-frame-options-allow-from-origin", 0, "X-Frame-Options header uses ALLOW-FROM.")
            : new(test, "x-frame-options-header-invalid", -20, "X-Frame-Options header cannot be recognized.");
    }
}
