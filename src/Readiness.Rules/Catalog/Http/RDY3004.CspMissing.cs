using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: no enforced Content-Security-Policy (absent, or only in report-only mode).</summary>
public sealed class CspMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || ContentSecurityPolicy.Enforced(page).Count > 0) yield break;
        var reportOnly = page.Header("Content-Security-Policy-Report-Only");
        yield return reportOnly is null
            ? context.AtEndpoint(target.Url,
                $"{page.FinalUrl} sends no Content-Security-Policy header; add one (start from \"default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'\") to limit what injected markup can load and run.",
                HeaderLine(page, "Content-Security-Policy"), "csp-missing", Props(page))
            : context.AtEndpoint(target.Url,
                $"{page.FinalUrl} sends its Content-Security-Policy only as Content-Security-Policy-Report-Only, which reports violations but blocks nothing; once the reports are clean, send the same policy as Content-Security-Policy.",
                HeaderLine(page, "Content-Security-Policy-Report-Only"), "csp-report-only", Props(page));
    }
}
