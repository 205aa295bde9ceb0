using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>ELB.5: without access logs there is no record of who called what through the load balancer.</summary>
public sealed class LoadBalancerWithoutAccessLogs : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context) =>
        CloudJudge.Judge(context, lb, lb.AccessLogsEnabled, nameof(LoadBalancer.AccessLogsEnabled), "writes access logs",
            logs => !logs,
            () => context.OnResource(lb, $"Load balancer {lb.DisplayName} writes no access logs; turn on access logs to an S3 bucket so that requests can be traced during an incident.", nameof(LoadBalancer.AccessLogsEnabled)));
}
