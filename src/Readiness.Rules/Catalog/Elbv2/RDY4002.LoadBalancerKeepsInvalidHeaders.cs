using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>ELB.4: an application load balancer forwards headers with invalid names, a request-smuggling vector.</summary>
public sealed class LoadBalancerKeepsInvalidHeaders : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context) =>
        lb.LoadBalancerType != "application" ? [] :
        CloudJudge.Judge(context, lb, lb.DropInvalidHeaderFields, nameof(LoadBalancer.DropInvalidHeaderFields), "drops invalid HTTP header fields",
            drops => !drops,
            () => context.OnResource(lb, $"Application load balancer {lb.DisplayName} forwards HTTP headers with invalid names to its targets; turn on dropping invalid header fields (routing.http.drop_invalid_header_fields.enabled).", nameof(LoadBalancer.DropInvalidHeaderFields)));
}
