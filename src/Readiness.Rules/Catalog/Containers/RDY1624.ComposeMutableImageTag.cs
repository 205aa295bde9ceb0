using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>A production service runs an image by a mutable tag (:latest or none). Services built here are judged by their Dockerfile.</summary>
public sealed class ComposeMutableImageTag : ComposeRule
{
    protected override bool ProductionOnly => true;

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        if (service.Image is not { } image || service.BuildContext is not null || ContainerImages.IsPinned(image.Value, out var problem)) yield break;
        yield return (image, $"Service '{service.Name}' runs the image {(image.Value.Length == 0 ? image.Written : image.Value)}, which {problem}: a restart or a new host can pull a different version than the one tested; pin a version tag ({ImageName(image.Value)}:<version>) or a digest (@sha256:...).", "image");
    }
}
