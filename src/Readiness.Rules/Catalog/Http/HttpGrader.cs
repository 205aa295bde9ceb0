using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>One graded test: its name, the outcome (Observatory-style result id), the score modifier and a sentence.</summary>
public sealed record GradeTest(string Test, string Result, int Modifier, string Description);

/// <summary>A target's grade: score (0 and up, 100 is the baseline), letter A+..F and the tests behind it.</summary>
public sealed record HttpGrade(string Url, int Score, string Letter, IReadOnlyList<GradeTest> Tests);

/// <summary>
/// Grades a target in the manner of the MDN HTTP Observatory's published scoring: start at 100, add each test's
/// modifier, count bonuses only when the score without them is 90 or more, never below 0, letters from A+ (100+) to F
/// (under 25). Computed from the same observations as the rules, so a grade never contradicts the findings.
/// Subresource Integrity is not graded (it needs HTML parsing of script tags).
/// </summary>
public static class HttpGrader
{
    private const int HstsSixMonths = 15768000;

    private static readonly (int Minimum, string Letter)[] Letters =
    [
        (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C"), (45, "C-"),
        (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
    ];

    /// <summary>The grade, or null when the page could not be fetched (the target has a coverage gap instead).</summary>
    public static HttpGrade? Grade(HttpTarget target)
    {
        var page = target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.Page);
        if (target.Failure is not null || page is null) return null;
        var hsts = page.IsHttps ? HstsPolicy.Of(page) : null;
        var hstsValid = hsts?.MaxAge is > 0;
        var tests = new List<GradeTest>
        {
            Csp(page),
            Cookies(target, hstsValid),
            Cors(target),
            Redirection(target),
            Referrer(page),
            Hsts(page, hsts),
            ContentTypeOptions(page),
            FrameOptions(page),
        };
        if (target.CertificateProblem is not null)
            tests.Add(new("tls-certificate", "certificate-not-trusted-scanned-with-insecure", 0,
                $"The certificate is not trusted ({target.CertificateProblem}); the scan went on because --insecure was given."));

        var penalties = 100 + tests.Where(t => t.Modifier < 0).Sum(t => t.Modifier);
        var score = penalties >= 90 ? penalties + tests.Where(t => t.Modifier > 0).Sum(t => t.Modifier) : penalties;
        score = Math.Max(score, 0);
        return new HttpGrade(target.Url, score, Letters.First(l => score >= l.Minimum).Letter, tests);
    }

    private static GradeTest Csp(HttpExchange page)
    {
        const string test = "content-security-policy";
        var policies = ContentSecurityPolicy.Enforced(page);
        if (policies.Count == 0) return new(test, "csp-not-implemented", -25, "Content Security Policy (CSP) header not implemented.");
        if (policies.Any(p => p.Directives.Count == 0)) return new(test, "csp-header-invalid", -25, "Content Security Policy (CSP) header cannot be parsed.");
        var kinds = policies.Select(p => p.Weaknesses().Select(w => w.Kind).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        if (kinds.Contains(CspWeaknessKind.UnsafeInline) || kinds.Contains(CspWeaknessKind.ScriptsUnrestricted))
            return new(test, "csp-implemented-with-unsafe-inline", -20, "CSP implemented, but allows 'unsafe-inline' scripts (or does not restrict scripts).");
        if (kinds.Contains(CspWeaknessKind.Wildcard))
            return new(test, "csp-implemented-with-wildcard", -20, "CSP implemented, but allows scripts or objects from any host or scheme.");
        if (kinds.Contains(CspWeaknessKind.InsecureScheme))
            return new(test, "csp-implemented-with-insecure-scheme", -20, "CSP implemented, but allows active content over http.");
        if (kinds.Contains(CspWeaknessKind.UnsafeEval))
            return new(test, "csp-implemented-with-unsafe-eval", -10, "CSP implemented, but allows 'unsafe-eval'.");
        if (kinds.Contains(CspWeaknessKind.InsecureSchemePassive))
            return new(test, "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, "CSP implemented, but allows passive content over http.");
        if (policies.Any(p => p.Directives.GetValueOrDefault("style-src")?.Contains("'unsafe-inline'", StringComparer.OrdinalIgnoreCase) == true))
            return new(test, "csp-implemented-with-unsafe-inline-in-style-src-only", 0, "CSP implemented with 'unsafe-inline' inside style-src only.");
        if (policies.Any(p => p.Directives.GetValueOrDefault("default-src") is [var only] && only.Equals("'none'", StringComparison.OrdinalIgnoreCase)))
            return new(test, "csp-implemented-with-no-unsafe-default-src-none", 10, "CSP implemented with default-src 'none' and nothing unsafe.");
        return new(test, "csp-implemented-with-no-unsafe", 5, "CSP implemented without 'unsafe-inline' or 'unsafe-eval'.");
    }

    private static GradeTest Cookies(HttpTarget target, bool hsts)
    {
        const string test = "cookies";
        var cookies = target.Answered.SelectMany(SetCookie.Of).Where(c => c.Value.Length > 0).DistinctBy(c => c.Name).ToList();
        if (cookies.Count == 0) return new(test, "cookies-not-found", 0, "No cookies detected.");
        var sessions = cookies.Where(c => c.LooksLikeSession).ToList();
        if (sessions.Any(c => !c.Secure))
            return hsts
                ? new(test, "cookies-session-without-secure-flag-but-protected-by-hsts", -10, "Session cookie set without the Secure flag, but HSTS prevents plain-HTTP transmission.")
                : new(test, "cookies-session-without-secure-flag", -40, "Session cookie set without the Secure flag or set over http.");
        if (sessions.Any(c => !c.HttpOnly)) return new(test, "cookies-session-without-httponly-flag", -30, "Session cookie set without the HttpOnly flag.");
        if (cookies.Any(c => c.SameSite is not null && !c.HasValidSameSite)) return new(test, "cookies-samesite-flag-invalid", -20, "Cookie set with an invalid SameSite value.");
        if (cookies.Any(c => c.LooksLikeCsrfToken && c.SameSite is null)) return new(test, "cookies-anticsrf-without-samesite-flag", -20, "Anti-CSRF cookie set without the SameSite flag.");
        if (cookies.Any(c => !c.Secure))
            return hsts
                ? new(test, "cookies-without-secure-flag-but-protected-by-hsts", -5, "Cookies set without the Secure flag, but HSTS prevents plain-HTTP transmission.")
                : new(test, "cookies-without-secure-flag", -20, "Cookies set without the Secure flag or set over http.");
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
        if (plain.Redirects.Count == 0) return new(test, "redirection-missing", -20, "Does not redirect to an https site.");
        if (!plain.IsHttps) return new(test, "redirection-not-to-https", -20, "Redirects, but the final destination is not an https URL.");
        var first = plain.Redirects[0];
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
            "no-referrer-when-downgrade" => new(test, "referrer-policy-no-referrer-when-downgrade", 0, "Referrer-Policy set to no-referrer-when-downgrade."),
            _ => new(test, "referrer-policy-unsafe", -5, "Referrer-Policy set to origin, origin-when-cross-origin or unsafe-url."),
        };
    }

    private static GradeTest Hsts(HttpExchange page, HstsPolicy? hsts)
    {
        const string test = "strict-transport-security";
        if (!page.IsHttps) return new(test, "hsts-not-implemented-no-https", -20, "HSTS cannot be set for a site not served over https.");
        if (hsts is null) return new(test, "hsts-not-implemented", -20, "HTTP Strict Transport Security (HSTS) header not implemented.");
        if (hsts.MaxAge is null) return new(test, "hsts-header-invalid", -20, "HSTS header cannot be recognized.");
        return hsts.MaxAge < HstsSixMonths
            ? new(test, "hsts-implemented-max-age-less-than-six-months", -10, "HSTS header set to less than six months (15768000).")
            : new(test, "hsts-implemented-max-age-at-least-six-months", 0, "HSTS header set to at least six months (15768000).");
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
        if (ContentSecurityPolicy.Enforced(page).Any(p => p.RestrictsFraming))
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
