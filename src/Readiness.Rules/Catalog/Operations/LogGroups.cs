using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>What the search found; for Undecided the unresolved name and, when it is a declared group's, that group.</summary>
internal sealed record LogGroupSearch(Found Found, IValue? Unresolved = null, LogGroup? Group = null);

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
/// shared logging stack declares groups others use), or by the same unresolved expression. Otherwise it is undecided
/// when an unresolved name, the writer's or a declared group's, could be the other (a Terraform template's literal
/// prefix and suffix are compared), and not declared when none could. Live, among the groups read in the writer's
/// account and the region it writes to; when they were not read, the coverage gap speaks and nothing is judged.
/// </summary>
internal static class LogGroups
{
    public static LogGroupSearch Find(CloudInventory cloud, CloudResource writer, LogGroupTarget target)
    {
        if (writer.Provenance.IsLive)
        {
            var region = RegionOf(writer, target);
            if (!target.Name.IsKnown || !Stacks.WasRead(cloud, writer.Provenance.Account, region, "logs")) return new(Found.NotRead);
            return new(cloud.OfType<LogGroup>().Any(g => g.Provenance.IsLive && g.Provenance.Account == writer.Provenance.Account && g.Provenance.Region == region && g.Id == target.Name.Known)
                ? Found.Yes
                : Found.No);
        }
        var declared = cloud.OfType<LogGroup>().Where(g => !g.Provenance.IsLive).ToList();
        var stack = Stacks.Of(writer);
        var inStack = declared.Where(g => Stacks.Of(g) == stack).ToList();
        if (target.Reference is { } reference && inStack.Any(g => g.Provenance.Address == reference)) return new(Found.Yes);
        if (writer.Provenance.Address is { } address && inStack.Any(g => g.NamedAfter == address)) return new(Found.Yes);
        if (target.Name.IsKnown && declared.Any(g => g.Name is { IsKnown: true } name && name.Known == target.Name.Known)) return new(Found.Yes);
        if (!target.Name.IsKnown && inStack.Any(g => !g.Name.IsKnown && g.Name.Expression == target.Name.Expression)) return new(Found.Yes);
        // What is left can only be told apart by names: undecided when an unresolved name on either side could be the
        // other. A group named after another function is that function's.
        var wanted = Pattern.Of(target.Name);
        var candidates = declared.Where(g => g.NamedAfter is not { } named || named == writer.Provenance.Address
            || !cloud.OfType<LambdaFunction>().Any(f => f.Provenance.Address == named && Stacks.Of(f) == Stacks.Of(g))).ToList();
        if (candidates.FirstOrDefault(g => g.Name is not { IsKnown: true } && Pattern.Of(g.Name).CouldBe(wanted)) is { } maybe)
            return target.Name.IsKnown ? new(Found.Undecided, maybe.Name, maybe) : new(Found.Undecided, target.Name);
        if (!target.Name.IsKnown && candidates.Any(g => Pattern.Of(g.Name).CouldBe(wanted))) return new(Found.Undecided, target.Name);
        return new(Found.No);
    }

    /// <summary>
    /// The info-level finding for an undecided search, on the writer's value (where its group is named), naming the
    /// unresolved expression: the writer's own, or that of a declared group whose name could be the writer's.
    /// </summary>
    public static Finding Undecided(RuleContext context, CloudResource writer, string description, LogGroupTarget target, LogGroupSearch search, string whatIsAsked, string key)
    {
        var what = search.Group is { } group ? $"the name of log group {group.DisplayName}" : "the name of its log group";
        return context.OnResource(writer,
            $"Cannot decide whether {description} {whatIsAsked}: {what} is the unresolved expression '{search.Unresolved?.Expression}'. Give it a literal value, a variable default or a tfvars value, or refer to the log group resource (for a function, name the group after it), so it can be checked.",
            value: target.Name, snippet: search.Unresolved?.Expression, fingerprintKey: "undecided:" + key) with
        { Severity = Severity.Info, Undecided = true };
    }

    /// <summary>The fix in the writer's own language: declare the group with a retention period and refer to it.</summary>
    public static string HowToDeclare(CloudResource writer) => (writer, writer.Provenance.Origin) switch
    {
        (LambdaFunction, Origin.CloudFormation) => "Declare it with a retention period: an AWS::Logs::LogGroup with LogGroupName !Sub /aws/lambda/${Function} and RetentionInDays (CDK: a logs.LogGroup with retention, passed as the function's logGroup).",
        (LambdaFunction, _) => "Declare it with a retention period: an aws_cloudwatch_log_group named \"/aws/lambda/${aws_lambda_function.NAME.function_name}\" with retention_in_days.",
        (_, Origin.CloudFormation) => "Declare the group with a retention period (an AWS::Logs::LogGroup with RetentionInDays) and refer to it with !Ref in awslogs-group.",
        _ => "Declare the group with a retention period (an aws_cloudwatch_log_group with retention_in_days) and refer to it: \"awslogs-group\" = aws_cloudwatch_log_group.NAME.name.",
    };

    /// <summary>
    /// What a name may be: a literal, or for a Terraform template ("/ecs/${var.env}-api") its literal prefix and suffix;
    /// any other unresolved expression (a variable, a generated name) may be anything.
    /// </summary>
    private sealed record Pattern(string Prefix, string Suffix, bool Exact)
    {
        private static readonly Pattern Anything = new("", "", false);

        /// <summary>A known name (a group without one, named by AWS, may be anything), or an unresolved expression's pattern.</summary>
        public static Pattern Of<T>(Value<T> name) => name.IsKnown
            ? name.Known is string known ? new Pattern(known, "", true) : Anything
            : Template(name.Expression);

        private static Pattern Template(string? expression)
        {
            var text = expression is ['"', .. var inner, '"'] ? inner : expression ?? "";
            var first = text.IndexOf("${", StringComparison.Ordinal);
            var last = text.LastIndexOf('}');
            return first < 0 || last < first ? Anything : new Pattern(text[..first], text[(last + 1)..], false);
        }

        public bool CouldBe(Pattern other) => (Exact, other.Exact) switch
        {
            (true, true) => Prefix == other.Prefix,
            (true, false) => other.Admits(Prefix),
            (false, true) => Admits(other.Prefix),
            _ => (Prefix.StartsWith(other.Prefix, StringComparison.Ordinal) || other.Prefix.StartsWith(Prefix, StringComparison.Ordinal))
                && (Suffix.EndsWith(other.Suffix, StringComparison.Ordinal) || other.Suffix.EndsWith(Suffix, StringComparison.Ordinal)),
        };

        private bool Admits(string name) =>
            name.Length >= Prefix.Length + Suffix.Length && name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal);
    }

    /// <summary>The group's name for a message: the name, or the expression that sets it.</summary>
    public static string? Shown(LogGroupTarget target) => target.Name.IsKnown ? target.Name.Known : target.Name.Expression;

    /// <summary>The region the writer's group is in: its awslogs-region when known, else its own.</summary>
    public static string? RegionOf(CloudResource writer, LogGroupTarget target) =>
        target.Region is { IsKnown: true, Known: { } region } ? region : writer.Provenance.Region;
}
