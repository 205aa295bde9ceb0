using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: an HTTPS page without Strict-Transport-Security lets the next visit start over plain HTTP.</summary>
public sealed class HstsMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || !page.IsHttps) yield break;
        if (HstsPolicy.Of(page) is { MaxAge: 0 })
        {
            // max-age=0 tells browsers to forget the policy (RFC 6797 6.1.1): the site has no HSTS at all.
            yield return context.AtEndpoint(target.Url,
                $"{page.FinalUrl} sends Strict-Transport-Security with max-age=0, which removes HSTS in every browser that had it; send 'Strict-Transport-Security: max-age=31536000; includeSubDomains' so browsers refuse plain HTTP for this site.",
                HeaderLine(page, "Strict-Transport-Security"), "hsts-max-age-zero", Props(page));
            yield break;
        }
        if (page.Header("Strict-Transport-Security") is not null) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{page.FinalUrl} is served over HTTPS without a Strict-Transport-Security header; add 'Strict-Transport-Security: max-age=31536000; includeSubDomains' so browsers refuse plain HTTP for this site.",
            HeaderLine(page, "Strict-Transport-Security"), "hsts-missing", Props(page));
    }
}
