using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>ECS.9: a container without logConfiguration: what it writes to stdout and stderr is lost.</summary>
public sealed class EcsContainerWithoutLogging : ResourceRule<EcsTaskDefinition>
{
    private const string Asked = "sends its logs somewhere";

    public override IEnumerable<Finding> Check(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Each(context, task, Asked, container =>
            EcsContainers.Judge(context, task, container, container.LogDriver, "logConfiguration", Asked,
                driver => driver is null,
                () => EcsContainers.On(context, task, container, container.LogDriver, "logConfiguration",
                    $"The {EcsContainers.Describe(task, container)} has no log configuration, so its output (errors, access logs, security events) is kept nowhere; add `logConfiguration` with the `awslogs` driver and a CloudWatch log group (with a retention period).",
                    "no-logs")));
}
