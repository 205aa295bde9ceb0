using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Waf;

/// <summary>SHIELD-1: a web ACL without a blocking rate-based rule does not limit floods or credential stuffing.</summary>
public sealed class WafWithoutRateLimit : ResourceRule<WebAcl>
{
    public override IEnumerable<Finding> Check(WebAcl acl, RuleContext context)
    {
        if (acl.Rules.Any(r => r.Kind == WafRuleKind.RateBased && !r.CountOnly)) yield break;
        var countOnly = acl.Rules.FirstOrDefault(r => r.Kind == WafRuleKind.RateBased);
        yield return countOnly is not null
            ? context.OnResource(acl, $"WAF web ACL {acl.DisplayName} has rate-based rule '{countOnly.Name}' only in count mode; set its action to block so it limits request floods.", line: countOnly.Line)
            : context.OnResource(acl, $"WAF web ACL {acl.DisplayName} has no rate-based rule; add one that blocks clients above a request rate (e.g. 2000 requests per 5 minutes per IP).", nameof(WebAcl.Rules), line: acl.DefinedBy().RulesLine);
    }
}
