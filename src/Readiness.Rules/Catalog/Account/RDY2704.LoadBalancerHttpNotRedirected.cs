using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Account;

/// <summary>
/// ELB.1: an internet-facing application load balancer serves plain HTTP instead of redirecting to HTTPS; a classic
/// load balancer cannot redirect, so each of its plain HTTP listeners serves the application in clear text.
/// </summary>
public sealed class LoadBalancerHttpNotRedirected : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        if (lb.LoadBalancerType is not ("application" or LoadBalancer.Classic) || lb.InternetFacing is { IsKnown: true, Known: false }) yield break;
        foreach (var listener in lb.Listeners.Where(l => l.Protocol == "HTTP" && !l.RedirectsToHttps))
        {
            var message = lb.LoadBalancerType == LoadBalancer.Classic
                ? $"Classic load balancer {lb.DisplayName} serves plain HTTP on port {listener.Port} and cannot redirect it to HTTPS; remove the HTTP listener and serve only HTTPS, or move to an application load balancer whose port 80 listener redirects to HTTPS."
                : $"Load balancer {lb.DisplayName} serves plain HTTP on port {listener.Port}; make the listener's default action a redirect to HTTPS (443) and serve the application on an HTTPS listener.";
            yield return context.OnResource(lb, message, fingerprintKey: "listener:" + listener.Port).At(listener.Line);
        }
    }
}
