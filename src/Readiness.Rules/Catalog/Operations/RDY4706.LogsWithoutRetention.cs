using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Catalog.Ecs;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>
/// CloudWatch.16 (in part): logs with no retention. A log group without a retention setting keeps every event forever;
/// an ECS container (awslogs) or a Lambda function whose log group the project does not declare (live: that does not
/// exist) writes to a group the service creates with no retention, or, for ECS without awslogs-create-group, cannot start.
/// </summary>
public sealed class LogsWithoutRetention : EvidenceRule
{
    private const string Asked = "writes its logs to a log group the project declares";

    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        var cloud = evidence.Cloud;
        var findings = new List<Finding>();
        foreach (var group in cloud.OfType<LogGroup>())
        {
            findings.AddRange(CloudJudge.Judge(context, group, group.RetentionInDays, nameof(LogGroup.RetentionInDays), "has a retention period",
                days => days <= 0,
                () => context.OnResource(group, $"Log group {group.DisplayName} never expires its events; set a retention period (for example 90 or 365 days, as long as your incident and audit needs require) so logs, and the personal data and secrets they may hold, do not pile up forever.", nameof(LogGroup.RetentionInDays))));
        }
        foreach (var task in cloud.OfType<EcsTaskDefinition>())
        {
            findings.AddRange(EcsContainers.Each(context, task, Asked, container => container.LogGroup is { } target
                ? Container(context, cloud, task, container, target)
                : []));
        }
        foreach (var function in cloud.OfType<LambdaFunction>())
        {
            if (function.LogGroup is { } target) findings.AddRange(Function(context, cloud, function, target));
        }
        return findings;
    }

    private static IEnumerable<Finding> Container(RuleContext context, CloudInventory cloud, EcsTaskDefinition task, EcsContainer container, LogGroupTarget target)
    {
        var where = $"The {EcsContainers.Describe(task, container)} logs to log group '{LogGroups.Shown(target)}'";
        var then = target.CreatedWhenMissing is { IsKnown: true, Known: true }
            ? "with awslogs-create-group ECS creates it at the first task start with no retention, so its events never expire"
            : "without awslogs-create-group its tasks fail to start (ResourceNotFoundException: The specified log group does not exist)"
                + (task.Provenance.IsLive ? "" : " unless something outside this project creates it");
        var search = LogGroups.Find(cloud, task, target);
        return search.Found switch
        {
            Found.Undecided => [LogGroups.Undecided(context, task, EcsContainers.Describe(task, container), target, search, Asked, $"{container.Name.Known}:log-group")],
            Found.No when task.Provenance.IsLive => [EcsContainers.On(context, task, container, target.Name, "logConfiguration",
                $"{where}, which does not exist in {LogGroups.RegionOf(task, target)}: {then}. Create the group with a retention period (`aws logs create-log-group`, then `aws logs put-retention-policy`), or better declare it in code.", "log-group-missing")],
            Found.No => [EcsContainers.On(context, task, container, target.Name, "logConfiguration",
                $"{where}, which no log group of this project declares: {then}. {LogGroups.HowToDeclare(task)}", "log-group-missing")],
            _ => [],
        };
    }

    private static IEnumerable<Finding> Function(RuleContext context, CloudInventory cloud, LambdaFunction function, LogGroupTarget target)
    {
        const string then = "Lambda creates it at the first invocation with no retention, so its events never expire";
        var search = LogGroups.Find(cloud, function, target);
        return search.Found switch
        {
            Found.Undecided => [LogGroups.Undecided(context, function, $"Lambda function {function.DisplayName}", target, search, Asked, "log-group")],
            Found.No when function.Provenance.IsLive => [context.OnResource(function,
                $"Lambda function {function.DisplayName} writes its logs to log group '{LogGroups.Shown(target)}', which does not exist in {LogGroups.RegionOf(function, target)}: {then}. Create the group with a retention period (`aws logs create-log-group`, then `aws logs put-retention-policy`), or better declare it in code.",
                value: target.Name, fingerprintKey: "log-group-missing")],
            Found.No => [context.OnResource(function,
                $"Lambda function {function.DisplayName} writes its logs to log group '{LogGroups.Shown(target)}', which no log group of this project declares: {then}. {LogGroups.HowToDeclare(function)}",
                value: target.Name, fingerprintKey: "log-group-missing")],
            _ => [],
        };
    }
}
