using System.Collections.Concurrent;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Containers;

/// <summary>
/// Dockerfiles and compose files as evidence. Compose files of one folder form configurations the way
/// <c>docker compose</c> runs them: the base file with its override (what <c>docker compose up</c> runs on a laptop),
/// and the base file with each environment file (<c>-f docker-compose.yml -f docker-compose.prod.yml</c>), with the
/// folder's <c>.env</c> for interpolation. Each configuration is judged as production or as local-only, and says why.
/// A file that does not parse is a coverage gap with its line.
/// </summary>
public sealed class ContainerSource(ContainerSettings? settings = null) : IEvidenceSource
{
    private readonly ContainerSettings settings = settings ?? new ContainerSettings();

    private readonly ConcurrentDictionary<string, SourceFile> dockerfiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SourceFile> composeFiles = new(StringComparer.Ordinal);

    // Other YAML files with services, which a compose file may name in `extends: { file: common.yml }`.
    private readonly ConcurrentDictionary<string, SourceFile> extendable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> dotEnvs = new(StringComparer.Ordinal);

    // Files a service may read with `env_file:` (.env, .env.production, app.env, env/api): kept by name, since which
    // files are referenced is only known once the compose files are read.
    private readonly ConcurrentDictionary<string, SourceFile> envFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> dockerIgnores = new(StringComparer.Ordinal);
    // Every path read, in no order: the walker hands each file over once, so a queue is enough (no hashing per file).
    private readonly ConcurrentQueue<string> paths = new();

    public string Name => "containers";

    public void Observe(SourceFile file)
    {
        paths.Enqueue(file.Path);
        if (MayBeEnvFile(file.Path)) envFiles[file.Path] = file;
        var kind = FileKind.Of(file);
        // Examples, tests, docs and vendored trees are not what gets built or deployed.
        if (kind.Role != FileRole.Application) return;
        if (Dockerfile.IsDockerfile(file.Path)) dockerfiles[file.Path] = file;
        else if (ComposeFile.IsComposeFile(file.Path)) composeFiles[file.Path] = file;
        else if (file.Language == Language.Yaml && file.Text.Contains("services:", StringComparison.Ordinal)) extendable[file.Path] = file;
        else if (file.Name == ".env") dotEnvs[ContainerEvidence.FolderOf(file.Path)] = file.Text;
        else if (file.Name == ".dockerignore" || file.Name.EndsWith(".dockerignore", StringComparison.Ordinal)) dockerIgnores[file.Path] = file.Text;
    }

    public Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        var parsedDockerfiles = new List<Dockerfile>();
        foreach (var file in dockerfiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var dockerfile = Dockerfile.Of(file);
            foreach (var (line, message) in dockerfile.Errors)
                collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Code, file.Path, $"Dockerfile syntax error: {message}; fix it so docker build and this check can read it.") { Line = line });
            parsedDockerfiles.Add(dockerfile);
        }

        var parsed = composeFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal).Select(ComposeFile.Of).ToList();
        foreach (var bad in parsed.Where(f => f.Error is not null))
            collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Code, bad.File.Path, $"compose file syntax error: {bad.Error}; the file was not checked.") { Line = bad.ErrorLine });
        var byPath = parsed.ToDictionary(f => f.File.Path, StringComparer.Ordinal);
        ComposeFile? Lookup(string path) => byPath.GetValueOrDefault(path) ?? (extendable.TryGetValue(path, out var other) ? ComposeFile.Of(other) : null);
        var configurations = new List<ComposeConfiguration>();
        var errors = new List<(string File, int Line, string Message)>();
        var envFilesRead = new ConcurrentDictionary<string, SourceFile>(StringComparer.Ordinal);
        var allPaths = paths.ToArray();
        var readPaths = new Lazy<HashSet<string>>(() => allPaths.ToHashSet(StringComparer.Ordinal));
        SourceFile? EnvFile(string path)
        {
            if (envFiles.TryGetValue(path, out var file)) return envFilesRead[path] = file;
            // Read by the walker but not kept: its name does not look like an env file. Say so rather than pass it.
            if (readPaths.Value.Contains(path)) errors.Add((path, 0, "a service reads it with env_file, but its name does not look like an env file (.env*, *.env, env/), so its values were not checked"));
            return null;
        }
        foreach (var folder in parsed.Where(f => f.Error is null).GroupBy(f => f.Folder, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var env = dotEnvs.TryGetValue(folder.Key, out var dotEnv) ? ComposeFile.ReadDotEnv(dotEnv) : new Dictionary<string, string>();
            foreach (var (files, production, why) in Configurations(folder.ToList()))
            {
                configurations.Add(new ComposeConfiguration
                {
                    Files = files.Select(f => f.File.Path).ToList(),
                    Services = ComposeMerger.Merge(files, env, Lookup, EnvFile, errors),
                    Production = production,
                    Why = why,
                });
            }
        }
        // Loops and sets, not Distinct over tuples or Concat of dictionaries: the framework's iterators for those are
        // not in the precompiled image and were JIT-ed on every scan (issue 20).
        var reported = new HashSet<(string, int, string)>();
        foreach (var (file, line, message) in errors)
        {
            if (!reported.Add((file, line, message))) continue;
            collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Code, file, $"compose file: {message}; that service was checked without it.") { Line = line });
        }

        // The first of the three to hold a path gives its text, as before.
        var read = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var (path, file) in composeFiles) read.TryAdd(path, file);
        foreach (var (path, file) in extendable) read.TryAdd(path, file);
        foreach (var (path, file) in envFilesRead) read.TryAdd(path, file);
        if (parsedDockerfiles.Count > 0) collector.Coverage.Count("containers.dockerfiles", parsedDockerfiles.Count);
        if (parsed.Count > 0) collector.Coverage.Count("containers.compose_files", parsed.Count);
        collector.Containers = new ContainerEvidence
        {
            Dockerfiles = parsedDockerfiles,
            Compose = configurations,
            ComposeFiles = read,
            DockerIgnores = new Dictionary<string, string>(dockerIgnores, StringComparer.Ordinal),
            Paths = allPaths,
        };
        return Task.CompletedTask;
    }

    private static bool MayBeEnvFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith(".env", StringComparison.Ordinal) || name.EndsWith(".env", StringComparison.Ordinal)
            || path.Contains("/env/", StringComparison.Ordinal) || path.StartsWith("env/", StringComparison.Ordinal);
    }

    /// <summary>The configurations of one folder, each with whether it is judged as production and why.</summary>
    private IEnumerable<(IReadOnlyList<ComposeFile> Files, bool Production, string Why)> Configurations(List<ComposeFile> files)
    {
        var baseFile = files.FirstOrDefault(f => ComposeFile.Variant(f.File.Path) is null);
        var overrideFile = files.FirstOrDefault(f => ComposeFile.Variant(f.File.Path) == "override");
        var variants = files.Where(f => f != baseFile && f != overrideFile).ToList();
        if (baseFile is null)
        {
            foreach (var f in files) yield return ([f], Judge(f).Production, Judge(f).Why);
            yield break;
        }

        var local = overrideFile is null ? new[] { baseFile } : new[] { baseFile, overrideFile };
        var localJudgement = Judge(local);
        var productionVariant = variants.FirstOrDefault(v => FileKind.Of(v.File).NamedForProduction);
        if (localJudgement.Production && productionVariant is not null && !settings.Production.Any(g => g.Pattern.IsMatch(baseFile.File.Path)))
            localJudgement = (false, $"{baseFile.File.Path} is what `docker compose up` runs locally; production adds {productionVariant.File.Name}, judged on its own");
        yield return (local, localJudgement.Production, localJudgement.Why);
        foreach (var variant in variants)
        {
            var judgement = Judge([baseFile, variant]);
            yield return ([baseFile, variant], judgement.Production, judgement.Why);
        }
    }

    private (bool Production, string Why) Judge(params ComposeFile[] files)
    {
        // The ruleset decides first, then the names: the last file of the configuration, then the base.
        foreach (var f in files.Reverse())
        {
            if (settings.Local.FirstOrDefault(g => g.Pattern.IsMatch(f.File.Path)) is { Glob: { } local })
                return (false, $"{f.File.Path} is listed as local-only in the ruleset (containers.local_compose: {local})");
            if (settings.Production.FirstOrDefault(g => g.Pattern.IsMatch(f.File.Path)) is { Glob: { } production })
                return (true, $"{f.File.Path} is listed as production in the ruleset (containers.production_compose: {production})");
        }
        foreach (var f in files.Reverse())
        {
            var kind = FileKind.Of(f.File);
            if (kind.NamedForProduction) return (true, $"{f.File.Path} is named for {(kind.Environment == FileEnvironment.Staging ? "staging (judged as production)" : "production")} ('{kind.EnvironmentWord}')");
            if (kind.IsDevelopmentOrTest) return (false, $"{f.File.Path} is named for {(kind.Environment == FileEnvironment.Test ? "tests" : "local development")} ('{kind.EnvironmentWord}')");
        }
        return (true, $"nothing in the name or folder of {files[0].File.Path} says local-only, so it is judged as production");
    }

}
