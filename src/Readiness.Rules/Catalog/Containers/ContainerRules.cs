using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// A rule over every Dockerfile of the scan. A Dockerfile named for development or tests (Dockerfile.dev) is still
/// judged, at low severity, and the finding says so.
/// </summary>
public abstract class DockerfileRule : EvidenceRule
{
    public sealed override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        foreach (var dockerfile in evidence.Containers.Dockerfiles)
        {
            var kind = FileKind.Of(dockerfile.File);
            // Every stage that becomes an image: the last one, and each stage a compose service builds as its target.
            foreach (var stage in evidence.Containers.ImageStages(dockerfile))
            {
                foreach (var found in Check(dockerfile, stage, evidence.Containers, context))
                {
                    var finding = stage == dockerfile.Final ? found : found with { FingerprintKey = found.FingerprintKey + "@stage:" + stage.Name };
                    yield return kind.IsDevelopmentOrTest
                        ? Lowered(finding, $"{dockerfile.File.Path} is named for {(kind.Environment == FileEnvironment.Test ? "tests" : "local development")} ('{kind.EnvironmentWord}')")
                        : finding;
                }
            }
        }
        foreach (var finding in evidence.Cloud.OfType<EcsTaskDefinition>().SelectMany(task => CheckTaskDefinition(task, context))) yield return finding;
    }

    /// <summary>
    /// The same control over the containers of an ECS task definition, so a user sees one rule id for it whatever runs
    /// the container; none unless the rule has an ECS counterpart.
    /// </summary>
    protected virtual IEnumerable<Finding> CheckTaskDefinition(EcsTaskDefinition task, RuleContext context) => [];

    /// <summary>
    /// Judges one Dockerfile; <paramref name="final"/> is a stage that becomes an image: the last one, or a compose
    /// service's build target (called once for each).
    /// </summary>
    protected abstract IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context);

    /// <summary>"The final stage of api/Dockerfile", or "Stage 'builder' of api/Dockerfile (compose's build target)".</summary>
    protected static string StageOf(Dockerfile dockerfile, DockerStage stage) =>
        stage == dockerfile.Final ? $"The final stage of {dockerfile.File.Path}" : $"Stage '{stage.Name}' of {dockerfile.File.Path} (the build target compose runs)";

    /// <summary>A finding at an instruction's first line.</summary>
    protected static Finding At(RuleContext context, Dockerfile dockerfile, DockerInstruction instruction, string message, string? snippet = null, string? fingerprintKey = null) =>
        context.AtLine(dockerfile.File, instruction.Line, message, snippet, fingerprintKey, endLine: instruction.EndLine);

    internal static Finding Lowered(Finding finding, string why) => finding with
    {
        Severity = finding.Severity > Severity.Low ? Severity.Low : finding.Severity,
        Message = finding.Message + $" Reported at low severity: {why}.",
    };
}

/// <summary>
/// A rule over every service of every compose configuration. A line shared by several configurations (the base file
/// under its override and under docker-compose.prod.yml) is reported once, as the most production-like one judged it.
/// Findings in production configurations say what made them production; local-only ones are reported at low severity.
/// </summary>
public abstract class ComposeRule : EvidenceRule
{
    public sealed override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        var containers = evidence.Containers;
        var seen = new HashSet<(string, int, string)>();
        // Production configurations first, so a shared line is reported with the production verdict.
        foreach (var configuration in containers.Compose.OrderByDescending(c => c.Production))
        {
            if (ProductionOnly && !configuration.Production) continue;
            foreach (var service in configuration.Services)
            {
                if (ProductionOnly && DevelopmentProfile(service) is not null) continue;
                foreach (var (at, message, key) in Check(configuration, service, containers, context))
                {
                    if (!containers.ComposeFiles.TryGetValue(at.File, out var file)) continue;
                    if (!seen.Add((at.File, at.Line, key))) continue;
                    var finding = context.AtLine(file, at.Line, message, fingerprintKey: $"{service.Name}:{key}",
                        properties: new Dictionary<string, string> { ["service"] = service.Name, ["compose"] = configuration.Display, ["production"] = configuration.Production ? "true" : "false" });
                    if (!configuration.Production) yield return DockerfileRule.Lowered(finding, configuration.Why);
                    else if (DevelopmentProfile(service) is { } profile)
                        yield return DockerfileRule.Lowered(finding, $"service '{service.Name}' only starts with --profile {profile.Value} ({profile.File}:{profile.Line}), a development profile");
                    else yield return finding with { Message = finding.Message + $" Judged as production: {configuration.Why}." };
                }
            }
        }
        foreach (var finding in evidence.Cloud.OfType<EcsTaskDefinition>().SelectMany(task => CheckTaskDefinition(task, context))) yield return finding;
    }

    /// <summary>
    /// A service whose every profile names development or tests (<c>profiles: [dev]</c>, <c>[debug]</c>) never starts
    /// on a plain <c>docker compose up</c>: its first profile, or null when it has none or one that may run in production.
    /// </summary>
    private static ComposeValue? DevelopmentProfile(ComposeService service) =>
        service.Profiles.Count > 0 && service.Profiles.All(p => p.Value == "debug" || FileKind.EnvironmentNamedBy(p.Value) is FileEnvironment.Development or FileEnvironment.Test)
            ? service.Profiles[0]
            : null;

    /// <summary>
    /// The same control over the containers of an ECS task definition, so a user sees one rule id for it whatever runs
    /// the container; none unless the rule has an ECS counterpart.
    /// </summary>
    protected virtual IEnumerable<Finding> CheckTaskDefinition(EcsTaskDefinition task, RuleContext context) => [];

    /// <summary>True for settings that are normal on a laptop (debug flags, restart policies): local-only configurations are not judged.</summary>
    protected virtual bool ProductionOnly => false;

    /// <summary>What is wrong with one service: the value to point at, a full sentence, and a key that identifies the problem.</summary>
    protected abstract IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context);

    /// <summary>True when a secret detector (RDY1001-RDY1006) already reports a value on this line: one secret is one finding.</summary>
    protected static bool ReportedBySecretRules(ContainerEvidence containers, ComposeValue value) =>
        containers.ComposeFiles.TryGetValue(value.File, out var file)
        && Readiness.Rules.Secrets.SecretScanner.Of(file).Hits.Any(h => file.LineOf(h.Start) == value.Line);

    /// <summary>Where the service is declared, for problems that are an absence (no restart policy).</summary>
    protected static ComposeValue Declaration(ComposeService service) => new(service.Name, service.File, service.Line);

    /// <summary>The image name without registry and tag, lower-case: "postgres", "bitnami/redis", "minio/minio".</summary>
    public static string ImageName(string image)
    {
        var name = image.ToLowerInvariant();
        var at = name.IndexOf('@');
        if (at >= 0) name = name[..at];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > slash) name = name[..colon];
        var first = name.IndexOf('/');
        // docker.io/library/postgres and registry.example.com:5000/team/app lose their registry.
        if (first > 0 && (name[..first].Contains('.') || name[..first].Contains(':') || name[..first] == "localhost")) name = name[(first + 1)..];
        return name.StartsWith("library/", StringComparison.Ordinal) ? name[8..] : name;
    }
}

/// <summary>What container images are: mutable tags, known services, their ports.</summary>
public static class ContainerImages
{
    /// <summary>True for an image pinned by digest or by a tag other than latest; "python" or "python:latest" are mutable.</summary>
    public static bool IsPinned(string image, out string problem)
    {
        problem = "";
        if (image.Contains('@', StringComparison.Ordinal)) return true;
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon <= slash)
        {
            problem = "has no tag, so it means :latest";
            return false;
        }
        var tag = image[(colon + 1)..];
        if (tag.Length == 0)
        {
            problem = "has an empty tag (an unset variable), so it means :latest";
            return false;
        }
        if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase) || tag is "stable" or "edge" or "main" or "master" or "nightly")
        {
            problem = $"uses the moving tag :{tag}";
            return false;
        }
        return true;
    }

    /// <summary>Base images whose default user is not root (distroless :nonroot, Chainguard, images tagged -nonroot or -rootless).</summary>
    public static bool RunsAsNonRootByDefault(string image)
    {
        var lower = image.ToLowerInvariant();
        return lower.Contains(":nonroot", StringComparison.Ordinal) || lower.Contains("-nonroot", StringComparison.Ordinal)
            || lower.Contains("rootless", StringComparison.Ordinal) || lower.StartsWith("cgr.dev/chainguard/", StringComparison.Ordinal);
    }
}
