using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Waf;

/// <summary>WAF.10: a web ACL with no rule only applies its default action, so it inspects nothing.</summary>
public sealed class WafEmptyWebAcl : ResourceRule<WebAcl>
{
    public override IEnumerable<Finding> Check(WebAcl acl, RuleContext context)
    {
        if (acl.Rules.Count > 0) yield break;
        yield return context.OnResource(acl, $"WAF web ACL {acl.DisplayName} has no rules, so it only applies its default action ({acl.DefaultAction}); add a rate-based rule and AWS managed rule groups.", nameof(WebAcl.DefaultAction));
    }
}
