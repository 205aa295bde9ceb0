using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Network;

/// <summary>Development servers (Vite 5173, Node 3000/4000, Django 8000) left reachable from the internet.</summary>
public sealed class SecurityGroupDevelopmentPortOpen : ResourceRule<SecurityGroup>
{
    public override IEnumerable<Finding> Check(SecurityGroup group, RuleContext context)
    {
        var ports = context.StringList("ports").Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return IngressExposure.Check(group, context, ports, "lets the internet reach a development server port",
            (_, matched) => $"Security group {IngressExposure.Describe(group)} allows development port {string.Join(", ", matched)} from the whole internet; serve the application through the load balancer or CloudFront on 443 and close this port.");
    }
}
