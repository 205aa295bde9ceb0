using Readiness.Rules.Catalog.Ecs;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// The image runs as root: its final stage (with the stages it starts FROM) sets no USER, or sets root last.
/// A multi-stage build whose last stage switches to a non-root user is fine, as are base images that default to one.
/// ECS containers are judged here too: `user` root or 0 runs as root; no `user` runs as the image's USER, which for
/// most base images is root, so it is reported at medium severity.
/// </summary>
public sealed class DockerfileRunsAsRoot : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        var user = DockerfileFacts.Last(final, "USER");
        if (user is null)
        {
            var baseImage = DockerfileFacts.BaseStage(final).Image;
            if (ContainerImages.RunsAsNonRootByDefault(baseImage) || baseImage == "scratch") yield break;
            yield return At(context, dockerfile, final.From,
                $"{StageOf(dockerfile, final)} (FROM {final.Image}) never sets USER, so the container runs as root; create an unprivileged user and add `USER app` (or a numeric UID such as `USER 10001`) before CMD.",
                fingerprintKey: "no-user");
            yield break;
        }
        var name = user.Expanded.Split(':')[0].Trim();
        if (name is "root" or "0")
        {
            yield return At(context, dockerfile, user,
                $"{dockerfile.File.Path} switches to root last ('USER {user.Expanded}'), so the container runs as root; end the final stage with `USER app` (or a numeric UID such as `USER 10001`) after the steps that need root.",
                fingerprintKey: "user-root");
        }
    }

    private const string AskedOfEcs = "runs as a non-root user";

    protected override IEnumerable<Finding> CheckTaskDefinition(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Each(context, task, AskedOfEcs, container =>
            EcsContainers.Judge(context, task, container, container.User, "user", AskedOfEcs,
                user => user is null ? !(container.Image is { IsKnown: true, Known: { } image } && ContainerImages.RunsAsNonRootByDefault(image)) : IsRoot(user),
                () => container.User.Known is null
                    ? EcsContainers.On(context, task, container, container.User, "user",
                        $"The {EcsContainers.Describe(task, container)} sets no `user`, so it runs as its image's default user, which is root unless the image's Dockerfile ends with a non-root USER; set `user` to an unprivileged UID (\"user\": \"10001\") that the image provides.",
                        "no-user") with { Severity = context.Severity > Severity.Medium ? Severity.Medium : context.Severity }
                    : EcsContainers.On(context, task, container, container.User, "user",
                        $"The {EcsContainers.Describe(task, container)} runs as root (`user` \"{container.User.Known}\"); set `user` to an unprivileged UID (\"user\": \"10001\") and give that user only the files it needs.",
                        "user-root")));

    /// <summary>"root", "0", "root:root", "0:0": the user part names root.</summary>
    private static bool IsRoot(string user) => user.Split(':')[0].Trim() is "root" or "0";
}
