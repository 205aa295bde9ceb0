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
        public const bool DropInvalidHeaderFields = false;
        public const bool DeletionProtection = false;
        public const bool AccessLogsEnabled = false;
    }

    public override string Service => "elasticloadbalancing";
    public override string Type => "loadbalancer";
    public string? Name { get; init; }

    /// <summary>"application", "network" or "gateway".</summary>
    public string LoadBalancerType { get; init; } = Defaults.LoadBalancerType;
    public Value<bool> InternetFacing { get; init; } = Defaults.InternetFacing;
    public IReadOnlyList<Listener> Listeners { get; init; } = [];

    /// <summary>routing.http.drop_invalid_header_fields.enabled (application load balancers only).</summary>
    public Value<bool> DropInvalidHeaderFields { get; init; } = Defaults.DropInvalidHeaderFields;

    /// <summary>deletion_protection.enabled.</summary>
    public Value<bool> DeletionProtection { get; init; } = Defaults.DeletionProtection;

    /// <summary>access_logs.s3.enabled.</summary>
    public Value<bool> AccessLogsEnabled { get; init; } = Defaults.AccessLogsEnabled;

    /// <summary>The associated regional WAF web ACL (ARN, or address for IaC); null when none.</summary>
    public Value<string?> WebAclArn { get; init; } = (string?)null;
}

public sealed record Listener
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string Protocol = "HTTP";

        /// <summary>What the API applies to an HTTPS or TLS listener created without a policy.</summary>
        public const string SslPolicy = "ELBSecurityPolicy-2016-08";
    }

    public string Protocol { get; init; } = Defaults.Protocol;
    public int Port { get; init; }
    public bool RedirectsToHttps { get; init; }

    /// <summary>The TLS security policy of an HTTPS or TLS listener; null for other protocols.</summary>
    public Value<string?> SslPolicy { get; init; } = (string?)null;
    public int Line { get; init; }
}
