using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: a Referrer-Policy that sends full URLs (paths, query strings, tokens in them) to other sites.</summary>
public sealed class ReferrerPolicyUnsafe : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null) yield break;
        var policy = ReferrerPolicy.Effective(page);
        string? problem = policy switch
        {
            null when context.Bool("require_header") => "does not send a Referrer-Policy header and leaves the choice to each browser's default",
            "" => "sends a Referrer-Policy that browsers do not recognize",
            not null when ReferrerPolicy.LeaksFullUrl.Contains(policy) => $"sets Referrer-Policy '{policy}', which sends the full URL, query string included, to other sites",
            _ => null,
        };
        if (problem is null) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{page.FinalUrl} {problem}; send 'Referrer-Policy: strict-origin-when-cross-origin' (or no-referrer).",
            HeaderLine(page, "Referrer-Policy"), "referrer-policy", Props(page, ("policy", policy ?? "(none)")));
    }
}
