using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>The final image is built FROM a mutable tag (:latest or no tag).</summary>
public sealed class DockerfileMutableBaseImage : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        var baseStage = DockerfileFacts.BaseStage(final);
        if (baseStage.Image == "scratch" || ContainerImages.IsPinned(baseStage.Image, out var problem)) yield break;
        yield return At(context, dockerfile, baseStage.From,
            $"The final image of {dockerfile.File.Path} is built FROM {(baseStage.Image.Length == 0 ? "an empty image name" : baseStage.Image)}, which {problem}: each build may get a different base with different packages; pin a version tag (python:3.11.9-slim-bookworm) or a digest (@sha256:...) and update it deliberately.",
            fingerprintKey: "from:" + baseStage.Image);
    }
}
