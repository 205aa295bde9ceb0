namespace Readiness.Rules.Model.Cloud;

// Elastic Load Balancing v2: load balancers and their listeners. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An Elastic Load Balancing v2 load balancer.</summary>
public sealed record LoadBalancer : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string LoadBalancerType = "application";
        public const bool InternetFacing = true;
    }

    public override string Service => "elasticloadbalancing";
    public override string Type => "loadbalancer";
    public string? Name { get; init; }

    /// <summary>"application", "network" or "gateway".</summary>
    public string LoadBalancerType { get; init; } = Defaults.LoadBalancerType;
    public Value<bool> InternetFacing { get; init; } = Defaults.InternetFacing;
    public IReadOnlyList<Listener> Listeners { get; init; } = [];

    /// <summary>The associated regional WAF web ACL (ARN, or address for IaC); null when none.</summary>
    public Value<string?> WebAclArn { get; init; } = (string?)null;
}

public sealed record Listener
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string Protocol = "HTTP";
    }

    public string Protocol { get; init; } = Defaults.Protocol;
    public int Port { get; init; }
    public bool RedirectsToHttps { get; init; }
    public int Line { get; init; }
}
