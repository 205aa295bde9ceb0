using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Network;

/// <summary>EC2.13 / EC2.14: remote administration ports open to the whole internet.</summary>
public sealed class SecurityGroupSshRdpOpen : ResourceRule<SecurityGroup>
{
    private static readonly int[] Ports = [22, 3389];

    public override IEnumerable<Finding> Check(SecurityGroup group, RuleContext context) =>
        IngressExposure.Check(group, context, Ports, "lets the internet reach SSH (22) or RDP (3389)",
            (_, ports) => $"Security group {IngressExposure.Describe(group)} allows SSH/RDP port {string.Join(", ", ports)} from the whole internet; allow only your admin addresses or use SSM Session Manager instead.");
}
