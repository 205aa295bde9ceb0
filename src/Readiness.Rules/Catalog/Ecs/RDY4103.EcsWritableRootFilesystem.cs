using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>ECS.5: a container whose root file system is writable, so an intruder can change its code and tools.</summary>
public sealed class EcsWritableRootFilesystem : ResourceRule<EcsTaskDefinition>
{
    private const string Asked = "mounts its root file system read-only";

    public override IEnumerable<Finding> Check(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Each(context, task, Asked, container =>
            EcsContainers.Judge(context, task, container, container.ReadonlyRootFilesystem, "readonlyRootFilesystem", Asked,
                readOnly => !readOnly,
                () => EcsContainers.On(context, task, container, container.ReadonlyRootFilesystem, "readonlyRootFilesystem",
                    $"The {EcsContainers.Describe(task, container)} can write to its root file system, so code running in it can replace the application's files or drop tools; set `readonlyRootFilesystem` to true and mount a volume for the paths that must be writable (/tmp, caches).",
                    "writable-root")));
}
