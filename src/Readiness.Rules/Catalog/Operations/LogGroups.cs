using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>Whether the log group a container or function writes to exists: yes, no, cannot tell, or (live) its region's groups were not read.</summary>
internal enum Found
{
    Yes,
    No,
    Undecided,
    NotRead,
}

/// <summary>
/// Finds the log group a writer names. In code, among the log groups the project declares: by the reference (within the
/// writer's stack), by a group named after the writer (within its stack), by name (in any stack of the project, as a
/// shared logging stack declares groups others use), or by the same unresolved expression. An unresolved name is
/// undecided unless the project declares no log group at all. Live, among the groups read in the writer's account and
/// the region it writes to; when they were not read, the coverage gap speaks and nothing is judged.
/// </summary>
internal static class LogGroups
{
    public static Found Find(CloudInventory cloud, CloudResource writer, LogGroupTarget target)
    {
        if (writer.Provenance.IsLive)
        {
            var region = RegionOf(writer, target);
            if (!target.Name.IsKnown || !Stacks.WasRead(cloud, writer.Provenance.Account, region, "logs")) return Found.NotRead;
            return cloud.OfType<LogGroup>().Any(g => g.Provenance.IsLive && g.Provenance.Account == writer.Provenance.Account && g.Provenance.Region == region && g.Id == target.Name.Known)
                ? Found.Yes
                : Found.No;
        }
        var declared = cloud.OfType<LogGroup>().Where(g => !g.Provenance.IsLive).ToList();
        var stack = Stacks.Of(writer);
        var inStack = declared.Where(g => Stacks.Of(g) == stack).ToList();
        if (target.Reference is { } reference && inStack.Any(g => g.Provenance.Address == reference)) return Found.Yes;
        if (writer.Provenance.Address is { } address && inStack.Any(g => g.NamedAfter == address)) return Found.Yes;
        if (target.Name.IsKnown) return declared.Any(g => g.Name is { IsKnown: true } name && name.Known == target.Name.Known) ? Found.Yes : Found.No;
        if (inStack.Any(g => !g.Name.IsKnown && g.Name.Expression == target.Name.Expression)) return Found.Yes;
        return declared.Count == 0 ? Found.No : Found.Undecided;
    }

    /// <summary>The fix in the writer's own language: declare the group with a retention period and refer to it.</summary>
    public static string HowToDeclare(CloudResource writer) => (writer, writer.Provenance.Origin) switch
    {
        (LambdaFunction, Origin.CloudFormation) => "Declare it with a retention period: an AWS::Logs::LogGroup with LogGroupName !Sub /aws/lambda/${Function} and RetentionInDays (CDK: a logs.LogGroup with retention, passed as the function's logGroup).",
        (LambdaFunction, _) => "Declare it with a retention period: an aws_cloudwatch_log_group named \"/aws/lambda/${aws_lambda_function.NAME.function_name}\" with retention_in_days.",
        (_, Origin.CloudFormation) => "Declare the group with a retention period (an AWS::Logs::LogGroup with RetentionInDays) and refer to it with !Ref in awslogs-group.",
        _ => "Declare the group with a retention period (an aws_cloudwatch_log_group with retention_in_days) and refer to it: \"awslogs-group\" = aws_cloudwatch_log_group.NAME.name.",
    };

    /// <summary>The group's name for a message: the name, or the expression that sets it.</summary>
    public static string? Shown(LogGroupTarget target) => target.Name.IsKnown ? target.Name.Known : target.Name.Expression;

    /// <summary>The region the writer's group is in: its awslogs-region when known, else its own.</summary>
    public static string? RegionOf(CloudResource writer, LogGroupTarget target) =>
        target.Region is { IsKnown: true, Known: { } region } ? region : writer.Provenance.Region;
}
