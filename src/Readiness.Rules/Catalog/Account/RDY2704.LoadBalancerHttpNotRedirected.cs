using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Account;

/// <summary>ELB.1: an internet-facing application load balancer serves plain HTTP instead of redirecting to HTTPS.</summary>
public sealed class LoadBalancerHttpNotRedirected : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        if (lb.LoadBalancerType != "application" || lb.InternetFacing is { IsKnown: true, Known: false }) yield break;
        foreach (var listener in lb.Listeners.Where(l => l.Protocol == "HTTP" && !l.RedirectsToHttps))
        {
            yield return context.OnResource(lb, $"Load balancer {lb.DisplayName} serves plain HTTP on port {listener.Port}; make the listener's default action a redirect to HTTPS (443) and serve the application on an HTTPS listener.",
                fingerprintKey: "listener:" + listener.Port).At(listener.Line);
        }
    }
}
