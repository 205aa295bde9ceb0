using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_wafv2_web_acl with its logging configuration and associations.</summary>
public sealed class Wafv2Terraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_wafv2_web_acl"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var defaultAction = b.Block("default_action");
        var logging = scope.Companions(r, "aws_wafv2_web_acl_logging_configuration", "resource_arn").FirstOrDefault();
        var associated = scope.Companions(r, "aws_wafv2_web_acl_association", "web_acl_arn")
            .Select(a => IacValue.KeyOf(a.Body.Get("resource_arn")))
            .OfType<string>()
            .ToList();
        return new WebAcl
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            Scope = IacValue.String(b, "scope", WebAcl.Defaults.Scope),
            DefaultAction = Value<string>.Of(defaultAction?.Block("block") is not null ? "block" : WebAcl.Defaults.DefaultAction)
                .From(defaultAction is null ? null : ValueOrigin.InFile(r.File, defaultAction.Line)),
            Rules = b.Blocks("rule").Select(Rule).ToList(),
            RulesLine = b.Blocks("rule").FirstOrDefault()?.Line ?? 0,
            LoggingEnabled = Value<bool>.Of(logging is not null).From(IacScope.NearOrigin(r, logging)),
            AssociatedResources = associated,
        };
    }

    private static WafRule Rule(IacBody rule)
    {
        var statement = rule.Block("statement");
        var rate = statement?.Block("rate_based_statement");
        var managed = statement?.Block("managed_rule_group_statement");
        var reference = statement?.Block("rule_group_reference_statement");
        return new WafRule
        {
            Name = IacValues.AsString(rule.Get("name")) ?? "?",
            Kind = rate is not null ? WafRuleKind.RateBased
                : managed is not null ? WafRuleKind.ManagedRuleGroup
                : reference is not null ? WafRuleKind.RuleGroupReference
                : WafRuleKind.Custom,
            ManagedVendor = managed?.Get("vendor_name") as string,
            ManagedName = managed?.Get("name") as string,
            RateLimit = rate?.Get("limit") is decimal limit ? (long)limit : null,
            CountOnly = rule.Block("action")?.Block("count") is not null || rule.Block("override_action")?.Block("count") is not null,
            Line = rule.Line,
        };
    }
}
