using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// The image runs as root: its final stage (with the stages it starts FROM) sets no USER, or sets root last.
/// A multi-stage build whose last stage switches to a non-root user is fine, as are base images that default to one.
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
                $"The final stage of {dockerfile.File.Path} (FROM {final.Image}) never sets USER, so the container runs as root; create an unprivileged user and add `USER app` (or a numeric UID such as `USER 10001`) before CMD.",
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
}
