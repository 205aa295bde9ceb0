using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>Shared steps of the rules over the containers of ECS task definitions (here and in Catalog/Containers).</summary>
public static class EcsContainers
{
    /// <summary>
    /// Runs <paramref name="check"/> over each container of the task definition; when the container definitions cannot
    /// be read (a variable, templatefile()), one undecided finding instead.
    /// </summary>
    public static IEnumerable<Finding> Each(RuleContext context, EcsTaskDefinition task, string whatIsAsked, Func<EcsContainer, IEnumerable<Finding>> check)
    {
        if (!task.Containers.IsKnown)
        {
            yield return context.Undecided(task, nameof(EcsTaskDefinition.Containers), task.Containers.Expression, whatIsAsked);
            yield break;
        }
        foreach (var container in task.Containers.Known ?? [])
        {
            foreach (var finding in check(container)) yield return finding;
        }
    }

    /// <summary>"container 'api' of ECS task definition aws_ecs_task_definition.api", for messages.</summary>
    public static string Describe(EcsTaskDefinition task, EcsContainer container) =>
        $"container '{container.Name.Known}' of ECS task definition {task.DisplayName}";

    /// <summary>A finding about one container's value (or, for an absence, the container's declaration).</summary>
    public static Finding On(RuleContext context, EcsTaskDefinition task, EcsContainer container, IValue value, string attribute, string message, string key) =>
        context.OnResource(task, message, attribute, fingerprintKey: $"{container.Name.Known}:{key}", value: value.Origin is null ? container.Name : value);

    /// <summary>The container's value is an expression nothing resolves: an info-level finding that names it.</summary>
    public static Finding Undecided(RuleContext context, EcsTaskDefinition task, EcsContainer container, IValue value, string attribute, string whatIsAsked) =>
        context.OnResource(task,
            $"Cannot decide whether {Describe(task, container)} {whatIsAsked}: {attribute} is set to the unresolved expression '{value.Expression}'. Give it a literal value, a variable default or a tfvars value so it can be checked.",
            attribute, snippet: value.Expression, fingerprintKey: $"undecided:{container.Name.Known}:{attribute}", value: value.Origin is null ? container.Name : value) with
        { Severity = Severity.Info, Undecided = true };

    /// <summary>Judges one container value as <see cref="Catalog.Cloud.CloudJudge.Judge"/> does a resource's.</summary>
    public static IEnumerable<Finding> Judge<T>(RuleContext context, EcsTaskDefinition task, EcsContainer container, Value<T> value, string attribute,
        string whatIsAsked, Func<T?, bool> isBad, Func<Finding> fail)
    {
        if (!value.IsKnown) yield return Undecided(context, task, container, value, attribute, whatIsAsked);
        else if (isBad(value.Known)) yield return fail();
    }
}
