using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API field <see cref="Clients.Ec2Client"/> reads a VPC's flow logs from.</summary>
public sealed class VpcLiveFields : LiveFields<Vpc>
{
    protected override IReadOnlyDictionary<string, string> For(Vpc vpc) =>
        new Dictionary<string, string> { [nameof(Vpc.FlowLogsEnabled)] = "DescribeFlowLogs.FlowLogs[].ResourceId" };
}

/// <summary>
/// The API fields <see cref="Clients.Ec2Client"/> reads a security group's ingress permissions from, down to each
/// source range: an IPv4 range is IpRanges[].CidrIp, an IPv6 one Ipv6Ranges[].CidrIpv6.
/// </summary>
public sealed class SecurityGroupLiveFields : LiveFields<SecurityGroup>
{
    private const string Permissions = "DescribeSecurityGroups.SecurityGroups[].IpPermissions[].";
    private const string Sources = "Ingress[].Sources";

    protected override IReadOnlyDictionary<string, string> For(SecurityGroup group) => new Dictionary<string, string>
    {
        ["Ingress[].FromPort"] = Permissions + "FromPort",
        ["Ingress[].ToPort"] = Permissions + "ToPort",
        [Sources] = Permissions + "IpRanges[].CidrIp",
    };

    public override string FieldOf(string attribute, string field, IValue value) =>
        attribute == Sources && value is Value<string> { Known: { } cidr } && cidr.Contains(':', StringComparison.Ordinal)
            ? Permissions + "Ipv6Ranges[].CidrIpv6"
            : field;
}
