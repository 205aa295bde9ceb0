using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>CloudWatch.16 (in part): a log group without a retention setting keeps every event forever.</summary>
public sealed class LogGroupNeverExpires : ResourceRule<LogGroup>
{
    public override IEnumerable<Finding> Check(LogGroup group, RuleContext context) =>
        CloudJudge.Judge(context, group, group.RetentionInDays, nameof(LogGroup.RetentionInDays), "has a retention period",
            days => days <= 0,
            () => context.OnResource(group, $"Log group {group.DisplayName} never expires its events; set a retention period (for example 90 or 365 days, as long as your incident and audit needs require) so logs, and the personal data and secrets they may hold, do not pile up forever.", nameof(LogGroup.RetentionInDays)));
}
