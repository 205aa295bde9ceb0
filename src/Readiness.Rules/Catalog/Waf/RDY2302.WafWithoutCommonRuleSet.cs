using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Waf;

/// <summary>A web ACL without the AWS managed common rule set (OWASP-style protections) in blocking mode.</summary>
public sealed class WafWithoutCommonRuleSet : ResourceRule<WebAcl>
{
    private const string CommonRuleSet = "AWSManagedRulesCommonRuleSet";

    public override IEnumerable<Finding> Check(WebAcl acl, RuleContext context)
    {
        var common = acl.Rules.Where(r => r.Kind == WafRuleKind.ManagedRuleGroup && r.ManagedVendor == "AWS" && r.ManagedName == CommonRuleSet).ToList();
        if (common.Any(r => !r.CountOnly)) yield break;
        yield return common.Count > 0
            ? context.OnResource(acl, $"WAF web ACL {acl.DisplayName} runs {CommonRuleSet} in count mode only; set its override action to none so it blocks.", line: common[0].Line)
            : context.OnResource(acl, $"WAF web ACL {acl.DisplayName} does not use the AWS managed rule group {CommonRuleSet}; add it to block common web exploits.", nameof(WebAcl.Rules), line: acl.DefinedBy().RulesLine);
    }
}
