using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Network;

/// <summary>All ports (or all protocols) open to the whole internet.</summary>
public sealed class SecurityGroupAllPortsOpen : ResourceRule<SecurityGroup>
{
    public override IEnumerable<Finding> Check(SecurityGroup group, RuleContext context) =>
        IngressExposure.Check(group, context, null, "lets the internet reach every port",
            (rule, _) => $"Security group {IngressExposure.Describe(group)} allows {(rule.Protocol == "-1" ? "all traffic" : "every port")} from the whole internet; allow only the ports the service answers on (443) and only from where it is needed.");
}
