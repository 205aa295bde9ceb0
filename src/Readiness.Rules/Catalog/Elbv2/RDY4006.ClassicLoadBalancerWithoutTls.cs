using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>ELB.3: an internet-facing classic load balancer with no HTTPS or SSL listener carries all its traffic in clear text.</summary>
public sealed class ClassicLoadBalancerWithoutTls : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        if (lb.LoadBalancerType != LoadBalancer.Classic || lb.InternetFacing is { IsKnown: true, Known: false }) return [];
        if (lb.Listeners.Count == 0 || lb.Listeners.Any(l => l.Encrypts)) return [];
        var ports = string.Join(", ", lb.Listeners.Select(l => $"{l.Protocol} {l.Port}"));
        return [context.OnResource(lb, $"Internet-facing classic load balancer {lb.DisplayName} has no HTTPS or SSL listener (it listens on {ports}), so every connection crosses the internet unencrypted; add an HTTPS (or SSL) listener with an ACM certificate and an SSL negotiation policy that references ELBSecurityPolicy-TLS-1-2-2017-01.",
            fingerprintKey: "no-tls-listener")];
    }
}
