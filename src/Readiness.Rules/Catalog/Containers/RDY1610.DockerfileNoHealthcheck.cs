using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>An image with no HEALTHCHECK that a compose service runs without a healthcheck of its own.</summary>
public sealed class DockerfileNoHealthcheck : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        var healthcheck = DockerfileFacts.Last(final, "HEALTHCHECK");
        if (healthcheck is not null && !healthcheck.Body.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase)) yield break;
        var withoutCheck = containers.ServicesBuilding(dockerfile).Where(s => s.Service.Healthcheck is null)
            // Named by the file that declares the service: the base and its production override are one service.
            .Select(s => $"'{s.Service.Name}' in {s.Service.File}").Distinct().ToList();
        if (withoutCheck.Count == 0) yield break;
        yield return At(context, dockerfile, final.From,
            $"The image built by {dockerfile.File.Path} has no HEALTHCHECK and {(withoutCheck.Count == 1 ? "compose service " + withoutCheck[0] + " runs" : "compose services " + string.Join(", ", withoutCheck[..^1]) + " and " + withoutCheck[^1] + " run")} it without one, so a hung process is never restarted or taken out of service; add `HEALTHCHECK CMD curl -fsS http://localhost:8000/health/ || exit 1` to the final stage or a `healthcheck:` to the service.",
            fingerprintKey: "healthcheck");
    }
}
