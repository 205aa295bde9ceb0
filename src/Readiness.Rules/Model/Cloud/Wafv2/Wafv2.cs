namespace Readiness.Rules.Model.Cloud;

// WAFv2: web ACLs. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A WAFv2 web ACL.</summary>
public sealed record WebAcl : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string Scope = "REGIONAL";
        public const string DefaultAction = "allow";
        public const bool LoggingEnabled = false;
    }

    public override string Service => "wafv2";
    public override string Type => "webacl";
    public string? Name { get; init; }

    /// <summary>"REGIONAL" or "CLOUDFRONT".</summary>
    public Value<string> Scope { get; init; } = Defaults.Scope;

    /// <summary>"allow" or "block".</summary>
    public Value<string> DefaultAction { get; init; } = Defaults.DefaultAction;
    public IReadOnlyList<WafRule> Rules { get; init; } = [];

    /// <summary>IaC only: the line that declares the rules (where a missing rule belongs); 0 when none or live.</summary>
    public int RulesLine { get; init; }
    public Value<bool> LoggingEnabled { get; init; } = Defaults.LoggingEnabled;

    /// <summary>ARNs (live) or addresses (IaC) of the load balancers, APIs and distributions this ACL protects.</summary>
    public IReadOnlyList<string> AssociatedResources { get; init; } = [];
}

public enum WafRuleKind
{
    RateBased,
    ManagedRuleGroup,
    RuleGroupReference,
    Custom,
}

/// <summary>One rule of a web ACL. CountOnly means its action (or override) only counts, so it blocks nothing.</summary>
public sealed record WafRule
{
    public required string Name { get; init; }
    public WafRuleKind Kind { get; init; }
    public string? ManagedVendor { get; init; }
    public string? ManagedName { get; init; }
    public long? RateLimit { get; init; }
    public bool CountOnly { get; init; }
    public int Line { get; init; }
}
