using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>
/// A task definition whose task role (what the application's code runs with) is its execution role (what ECS uses to
/// pull the image, read `secrets` and write logs), so the code holds every secret and image the task could start with.
/// Both roles are compared as written: the same ARN live, the same role resource (or the same unresolved expression) in code.
/// A task without a task role is not judged: whether its code calls AWS is not visible in the configuration.
/// </summary>
public sealed class EcsTaskRoleIsExecutionRole : ResourceRule<EcsTaskDefinition>
{
    private const string Asked = "gives its code a role of its own, apart from the execution role";

    public override IEnumerable<Finding> Check(EcsTaskDefinition task, RuleContext context)
    {
        var (taskRole, executionRole) = (task.TaskRole, task.ExecutionRole);
        var same = taskRole.IsKnown && executionRole.IsKnown
            ? taskRole.Known is { } t && t == executionRole.Known
            : !taskRole.IsKnown && !executionRole.IsKnown && taskRole.Expression == executionRole.Expression;
        if (same)
        {
            yield return context.OnResource(task,
                $"ECS task definition {task.DisplayName} uses the same IAM role ({taskRole.Known ?? taskRole.Expression}) as task role and execution role, so the application's code holds what only ECS needs to start it: every secret the role may read for `secrets`, the images it may pull and its log streams; give the task its own role (task_role_arn) with only the AWS calls the application makes, and keep the execution role to AmazonECSTaskExecutionRolePolicy plus the secrets it injects.",
                nameof(EcsTaskDefinition.TaskRole), value: taskRole);
            yield break;
        }
        // An unresolved role may be the other one; a role that is not set cannot be.
        if (!taskRole.IsKnown && executionRole is { IsKnown: false } or { Known: not null })
            yield return context.Undecided(task, nameof(EcsTaskDefinition.TaskRole), taskRole.Expression, Asked);
        else if (!executionRole.IsKnown && taskRole.Known is not null)
            yield return context.Undecided(task, nameof(EcsTaskDefinition.ExecutionRole), executionRole.Expression, Asked);
    }
}
