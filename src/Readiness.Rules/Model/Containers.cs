using Readiness.Rules.Languages.Docker;

namespace Readiness.Rules.Model;

/// <summary>
/// The container evidence of a scan: every Dockerfile, every compose configuration (a base file with its override or
/// environment file, merged), the .dockerignore files and the paths of every file read, so a rule can tell what a
/// build context holds.
/// </summary>
public sealed class ContainerEvidence
{
    public static readonly ContainerEvidence Empty = new();

    public IReadOnlyList<Dockerfile> Dockerfiles { get; init; } = [];
    public IReadOnlyList<ComposeConfiguration> Compose { get; init; } = [];

    /// <summary>The compose files (and the files they extend, include or read with env_file) by repository-relative path, for findings at their lines.</summary>
    public IReadOnlyDictionary<string, SourceFile> ComposeFiles { get; init; } = new Dictionary<string, SourceFile>();

    /// <summary>.dockerignore texts by repository-relative path.</summary>
    public IReadOnlyDictionary<string, string> DockerIgnores { get; init; } = new Dictionary<string, string>();

    /// <summary>Repository-relative paths of every file the walker read, in no order.</summary>
    public IReadOnlyCollection<string> Paths { get; init; } = [];

    /// <summary>
    /// The build contexts a Dockerfile is built with: the context folder of each compose service that builds it, or
    /// its own folder when no compose file does.
    /// </summary>
    public IReadOnlyList<string> ContextsOf(Dockerfile dockerfile)
    {
        var contexts = ServicesBuilding(dockerfile).Select(s => s.Service.BuildContext!.Value).Distinct(StringComparer.Ordinal).ToList();
        if (contexts.Count == 0) contexts.Add(FolderOf(dockerfile.File.Path));
        return contexts;
    }

    /// <summary>
    /// The stages of a Dockerfile that become images, each with the compose services that run it: the build target of
    /// each service that names one, and the last stage when a service names none or no compose file builds it.
    /// </summary>
    public IReadOnlyList<DockerStage> ImageStages(Dockerfile dockerfile)
    {
        var stages = new List<DockerStage>();
        var builtWithoutTarget = true;
        foreach (var (_, service) in ServicesBuilding(dockerfile))
        {
            builtWithoutTarget = false;
            var stage = service.BuildTarget is { } target ? dockerfile.Stage(target.Value) ?? dockerfile.Final : dockerfile.Final;
            if (stage is not null && !stages.Contains(stage)) stages.Add(stage);
        }
        if (builtWithoutTarget && dockerfile.Final is { } final) stages.Add(final);
        return stages.OrderBy(s => s.Index).ToList();
    }

    /// <summary>The compose services (with their configuration) whose build uses this Dockerfile.</summary>
    public IEnumerable<(ComposeConfiguration Configuration, ComposeService Service)> ServicesBuilding(Dockerfile dockerfile)
    {
        foreach (var configuration in Compose)
        {
            foreach (var service in configuration.Services)
            {
                if (service.BuildContext is not { } context) continue;
                var path = ComposeMerger.Combine(context.Value, service.BuildDockerfile?.Value ?? "Dockerfile");
                if (path == dockerfile.File.Path) yield return (configuration, service);
            }
        }
    }

    public static string FolderOf(string path) => path.LastIndexOf('/') is >= 0 and var slash ? path[..slash] : "";
}
