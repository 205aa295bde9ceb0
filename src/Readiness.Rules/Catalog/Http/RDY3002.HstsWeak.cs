using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: HSTS that expires quickly, cannot be parsed, or leaves subdomains reachable over plain HTTP.</summary>
public sealed class HstsWeak : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || !page.IsHttps) yield break;
        var hsts = HstsPolicy.Of(page);
        if (hsts is null || hsts.MaxAge == 0) yield break; // max-age=0 is no HSTS at all: RDY3001 reports it.
        var snippet = HeaderLine(page, "Strict-Transport-Security");
        var minimum = context.Int("min_max_age");
        if (hsts.MaxAge is null)
        {
            yield return context.AtEndpoint(target.Url,
                $"The Strict-Transport-Security header of {page.FinalUrl} has no valid max-age, so browsers ignore it; send 'max-age={minimum}; includeSubDomains'.",
                snippet, "hsts-invalid", Props(page));
            yield break;
        }
        if (hsts.MaxAge < minimum)
        {
            yield return context.AtEndpoint(target.Url,
                $"The Strict-Transport-Security max-age of {page.FinalUrl} is {hsts.MaxAge} seconds, under the required {minimum} ({Days(minimum)} days); raise it to at least {minimum}.",
                snippet, "hsts-short-max-age", Props(page, ("maxAge", hsts.MaxAge.Value.ToString(CultureInfo.InvariantCulture))));
        }
        if (!hsts.IncludeSubDomains && context.Bool("require_include_subdomains"))
        {
            yield return context.AtEndpoint(target.Url,
                $"The Strict-Transport-Security header of {page.FinalUrl} lacks includeSubDomains, so subdomains can still be reached over plain HTTP and set cookies for this site; add includeSubDomains once every subdomain serves HTTPS.",
                snippet, "hsts-no-subdomains", Props(page));
        }
    }

    private static long Days(int seconds) => seconds / 86400;
}
