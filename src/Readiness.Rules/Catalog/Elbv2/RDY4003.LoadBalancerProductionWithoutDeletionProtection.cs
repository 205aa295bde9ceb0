using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>ELB.6: a production load balancer can be deleted by one API call or a mistaken plan, taking the site down.</summary>
public sealed class LoadBalancerProductionWithoutDeletionProtection : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        // A classic load balancer has no deletion protection to turn on.
        if (lb.LoadBalancerType == LoadBalancer.Classic) return [];
        if (context.Bool("production_only") && !CloudJudge.IsProduction(lb)) return [];
        return CloudJudge.Judge(context, lb, lb.DeletionProtection, nameof(LoadBalancer.DeletionProtection), "is protected from deletion",
            protectedFromDeletion => !protectedFromDeletion,
            () => context.OnResource(lb, $"Load balancer {lb.DisplayName} is a production load balancer without deletion protection; turn on deletion protection so that it cannot be deleted by accident.", nameof(LoadBalancer.DeletionProtection)));
    }
}
