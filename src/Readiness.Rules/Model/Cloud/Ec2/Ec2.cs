namespace Readiness.Rules.Model.Cloud;

// EC2 networking: security groups and VPCs. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A VPC security group with its ingress rules (inline or declared as separate rule resources).</summary>
public sealed record SecurityGroup : CloudResource
{
    public override string Service => "ec2";
    public override string Type => "security-group";
    public string? Name { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<IngressRule> Ingress { get; init; } = [];
}

/// <summary>
/// One ingress permission. Protocol "-1" means all traffic (ports then cover everything). Sources lists IPv4 and IPv6
/// CIDRs; an element that could not be resolved stays unknown. Line is where the permission is declared (0 for live).
/// </summary>
public sealed record IngressRule
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string Protocol = "tcp";
        public const int FromPort = 0;
        public const int ToPort = 65535;
    }

    public string Protocol { get; init; } = Defaults.Protocol;
    public Value<int> FromPort { get; init; } = Defaults.FromPort;
    public Value<int> ToPort { get; init; } = Defaults.ToPort;
    public IReadOnlyList<Value<string>> Sources { get; init; } = [];
    public string? Description { get; init; }
    public int Line { get; init; }

    /// <summary>Terraform address or logical id when the permission is its own resource (aws_security_group_rule).</summary>
    public string? Address { get; init; }
}

/// <summary>A VPC and whether flow logs capture its traffic.</summary>
public sealed record Vpc : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool FlowLogsEnabled = false;
    }

    public override string Service => "ec2";
    public override string Type => "vpc";
    public Value<bool> FlowLogsEnabled { get; init; } = Defaults.FlowLogsEnabled;
}
