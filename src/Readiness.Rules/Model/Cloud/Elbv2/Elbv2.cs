namespace Readiness.Rules.Model.Cloud;

// Elastic Load Balancing: application, network and gateway load balancers (v2) and classic load balancers, with their
// listeners; one record so a control (plain HTTP, TLS policy, access logs) is one rule whatever the kind. Absent
// attributes take the defaults written once in each record's Defaults; every source (Terraform, CloudFormation, live,
// inventory) reads them from there.

/// <summary>An Elastic Load Balancing load balancer: v2 (application, network, gateway) or classic.</summary>
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

        /// <summary>A classic load balancer's access log block (aws_elb access_logs) is enabled unless it says otherwise.</summary>
        public const bool ClassicAccessLogBlockEnabled = true;
    }

    /// <summary>LoadBalancerType of a classic load balancer (Elastic Load Balancing API 2012-06-01).</summary>
    public const string Classic = "classic";

    public override string Service => "elasticloadbalancing";
    public override string Type => "loadbalancer";
    public string? Name { get; init; }

    /// <summary>"application", "network", "gateway" or <see cref="Classic"/>.</summary>
    public string LoadBalancerType { get; init; } = Defaults.LoadBalancerType;
    public Value<bool> InternetFacing { get; init; } = Defaults.InternetFacing;
    public IReadOnlyList<Listener> Listeners { get; init; } = [];

    /// <summary>The security groups attached (group ids live, addresses or logical ids in IaC); an unresolved element stays unknown.</summary>
    public IReadOnlyList<Value<string>> SecurityGroups { get; init; } = [];

    /// <summary>The DNS name AWS gave the load balancer (live only); CloudFront origins name it.</summary>
    public string? DnsName { get; init; }

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

        /// <summary>What the API applies to an HTTPS or TLS (classic: HTTPS or SSL) listener created without a policy.</summary>
        public const string SslPolicy = "ELBSecurityPolicy-2016-08";
    }

    /// <summary>HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE; a classic listener: HTTP, HTTPS, TCP or SSL.</summary>
    public string Protocol { get; init; } = Defaults.Protocol;
    public int Port { get; init; }
    public bool RedirectsToHttps { get; init; }

    /// <summary>
    /// The TLS security policy of an HTTPS, TLS or SSL listener; null for other protocols. For a classic listener, the
    /// predefined policy its SSL negotiation policy references (Reference-Security-Policy); a custom policy that lists
    /// protocols and ciphers itself is unresolved.
    /// </summary>
    public Value<string?> SslPolicy { get; init; } = (string?)null;
    public int Line { get; init; }

    /// <summary>True when the listener terminates TLS: HTTPS or TLS (v2), HTTPS or SSL (classic).</summary>
    public bool Encrypts => Protocol is "HTTPS" or "TLS" or "SSL";
}
