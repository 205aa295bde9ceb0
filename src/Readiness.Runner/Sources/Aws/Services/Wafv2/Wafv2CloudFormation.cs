using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::WAFv2::WebACL with its LoggingConfiguration and WebACLAssociations.</summary>
public sealed class Wafv2CloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::WAFv2::WebACL"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var logging = scope.Companions(r, "AWS::WAFv2::LoggingConfiguration", "ResourceArn").FirstOrDefault();
        return new WebAcl
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = b.Get("Name") as string,
            Scope = IacValue.String(b, "Scope", WebAcl.Defaults.Scope),
            DefaultAction = Value<string>.Of(b.Block("DefaultAction")?.Block("Block") is not null ? "block" : WebAcl.Defaults.DefaultAction)
                .From(b.OriginOf("DefaultAction")),
            Rules = b.Blocks("Rules").Select(Rule).ToList(),
            RulesLine = b.LineOf("Rules"),
            LoggingEnabled = Value<bool>.Of(logging is not null).From(IacScope.NearOrigin(r, logging)),
            AssociatedResources = scope.Companions(r, "AWS::WAFv2::WebACLAssociation", "WebACLArn")
                .Select(a => IacValue.KeyOf(a.Body.Get("ResourceArn"))).OfType<string>().ToList(),
        };
    }

    private static WafRule Rule(IacBody rule)
    {
        var statement = rule.Block("Statement");
        var rate = statement?.Block("RateBasedStatement");
        var managed = statement?.Block("ManagedRuleGroupStatement");
        var reference = statement?.Block("RuleGroupReferenceStatement");
        return new WafRule
        {
            Name = IacValues.AsString(rule.Get("Name")) ?? "?",
            Kind = rate is not null ? WafRuleKind.RateBased
                : managed is not null ? WafRuleKind.ManagedRuleGroup
                : reference is not null ? WafRuleKind.RuleGroupReference
                : WafRuleKind.Custom,
            ManagedVendor = managed?.Get("VendorName") as string,
            ManagedName = managed?.Get("Name") as string,
            RateLimit = IacValues.AsNumber(rate?.Get("Limit")) is { } limit ? (long)limit : null,
            CountOnly = rule.Block("Action")?.Block("Count") is not null || rule.Block("OverrideAction")?.Block("Count") is not null,
            Line = rule.Line,
        };
    }
}
