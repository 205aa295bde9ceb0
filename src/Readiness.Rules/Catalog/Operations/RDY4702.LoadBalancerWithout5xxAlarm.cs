using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>A production internet-facing application load balancer whose stack has no alarm on its 5xx responses.</summary>
public sealed class LoadBalancerWithout5xxAlarm : ResourceRule<LoadBalancer>
{
    private static readonly string[] Metrics = ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count"];

    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        if (lb.LoadBalancerType != "application" || lb.InternetFacing is { IsKnown: true, Known: false }) return [];
        if (context.Bool("production_only") && !CloudJudge.IsProduction(lb)) return [];
        return AlarmWatch.Require(context, lb, "AWS/ApplicationELB", Metrics, "LoadBalancer", v => Names(lb, v), "has an alarm on its 5xx responses",
            () => context.OnResource(lb, $"Internet-facing load balancer {lb.DisplayName} has no CloudWatch alarm that notifies anyone of its 5xx responses in {Stacks.Describe(lb)}; add an alarm on HTTPCode_Target_5XX_Count (and HTTPCode_ELB_5XX_Count) with an SNS action so failures page someone.", fingerprintKey: "no-5xx-alarm"));
    }

    /// <summary>A LoadBalancer dimension names the balancer: its address (IaC), its name, or its ARN suffix (app/NAME/ID).</summary>
    private static bool Names(LoadBalancer lb, string value) =>
        value == lb.Provenance.Address || value == lb.Id
        || lb.Name is { } name && (value == name || value.StartsWith($"app/{name}/", StringComparison.Ordinal))
        || lb.Provenance.Arn is { } arn && arn.EndsWith(":loadbalancer/" + value, StringComparison.Ordinal);
}
