using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>A production ECS service whose stack has no alarm on its running task count (Container Insights).</summary>
public sealed class EcsServiceWithoutTaskCountAlarm : ResourceRule<EcsService>
{
    public override IEnumerable<Finding> Check(EcsService service, RuleContext context)
    {
        if (context.Bool("production_only") && !CloudJudge.IsProduction(service)) return [];
        return AlarmWatch.Require(context, service, "ECS/ContainerInsights", ["RunningTaskCount"], "ServiceName", v => Names(service, v),
            "has an alarm on its running task count",
            () => context.OnResource(service, $"ECS service {service.DisplayName} is a production service with no CloudWatch alarm that notifies anyone when its running task count drops in {Stacks.Describe(service)}, so tasks that crash on start or fail their health checks go unnoticed until users see errors; turn on Container Insights for the cluster and add an alarm on RunningTaskCount (ECS/ContainerInsights, dimensions ClusterName and ServiceName) below the desired count, with an SNS action.", fingerprintKey: "no-task-count-alarm"));
    }

    /// <summary>A ServiceName dimension names the service: its address (IaC), its name, or the last part of its ARN.</summary>
    private static bool Names(EcsService service, string value) =>
        value == service.Provenance.Address || value == service.Id || value == service.Name
        || service.Provenance.Arn is { } arn && arn.EndsWith("/" + value, StringComparison.Ordinal);
}
