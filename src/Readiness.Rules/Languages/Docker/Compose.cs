using System.Text;
using System.Text.RegularExpressions;
using Readiness.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Rules.Languages.Docker;

/// <summary>A compose value after interpolation, with the file and line that set it.</summary>
public sealed record ComposeValue(string Value, string File, int Line)
{
    /// <summary>The value as written, before <c>${VAR:-default}</c> interpolation.</summary>
    public string Written { get; init; } = Value;

    /// <summary>True when a variable it uses has neither a value in .env nor a default.</summary>
    public bool Unresolved { get; init; }

    public override string ToString() => Value;
}

/// <summary>One service of a compose configuration after <c>extends</c> and override files are merged.</summary>
public sealed class ComposeService
{
    public required string Name { get; init; }

    /// <summary>Where the service is declared (its key), in the first file that declares it.</summary>
    public required string File { get; init; }
    public required int Line { get; init; }

    public ComposeValue? Image { get; set; }
    public ComposeValue? Privileged { get; set; }
    public ComposeValue? NetworkMode { get; set; }
    public ComposeValue? Restart { get; set; }
    public ComposeValue? Command { get; set; }
    public ComposeValue? Entrypoint { get; set; }
    public ComposeValue? Healthcheck { get; set; }

    /// <summary>The build context folder (repository-relative), and the Dockerfile path inside it.</summary>
    public ComposeValue? BuildContext { get; set; }
    public ComposeValue? BuildDockerfile { get; set; }

    /// <summary><c>build.target</c>: the stage of the Dockerfile the service runs, instead of the last one.</summary>
    public ComposeValue? BuildTarget { get; set; }

    public List<ComposeValue> Ports { get; } = [];
    public List<ComposeValue> Volumes { get; } = [];
    public List<ComposeValue> CapAdd { get; } = [];

    /// <summary>
    /// The environment by name: the <c>env_file:</c> files' lines (pointing at the env file), then the
    /// <c>environment:</c> map or list, which wins; later files replace earlier values.
    /// </summary>
    public Dictionary<string, ComposeValue> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary><c>profiles:</c>: a service with profiles starts only when one of them is enabled (<c>--profile dev</c>).</summary>
    public List<ComposeValue> Profiles { get; } = [];

    /// <summary><c>deploy.restart_policy</c> counts as a restart policy too.</summary>
    public bool HasRestartPolicy => Restart is { Value.Length: > 0 } r && r.Value != "no";
}

/// <summary>
/// What <c>docker compose -f a.yml -f b.yml</c> runs: the files in order, merged, with the .env values of the project folder.
/// <see cref="Production"/> and <see cref="Why"/> say whether it is judged as production and what decided it.
/// </summary>
public sealed class ComposeConfiguration
{
    public required IReadOnlyList<string> Files { get; init; }
    public required IReadOnlyList<ComposeService> Services { get; init; }
    public required bool Production { get; init; }

    /// <summary>Half a sentence: "docker-compose.prod.yml is named for production", "nothing names deploy/ local-only".</summary>
    public required string Why { get; init; }

    public string Display => string.Join(" + ", Files);
}

/// <summary>One compose file read through YamlDotNet: its services as YAML nodes, or the syntax error with its line.</summary>
public sealed partial class ComposeFile
{
    [GeneratedRegex(@"^(?:docker-)?compose(?:[._-][A-Za-z0-9_.-]+)?\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    // $$ is a literal dollar; ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, $VAR.
    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<word>[^}]*))?\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();

    private ComposeFile(SourceFile file, YamlMappingNode? services, string? error, int errorLine, IReadOnlyList<(string Path, int Line)>? includes = null)
    {
        File = file;
        Services = services;
        Error = error;
        ErrorLine = errorLine;
        Includes = includes ?? [];
    }

    public SourceFile File { get; }
    public YamlMappingNode? Services { get; }

    /// <summary>The top-level <c>include:</c> entries: other compose files (relative to this one) whose services join the configuration.</summary>
    public IReadOnlyList<(string Path, int Line)> Includes { get; }
    public string? Error { get; }
    public int ErrorLine { get; }

    public string Folder => System.IO.Path.GetDirectoryName(File.Path)?.Replace('\\', '/') ?? "";

    /// <summary>docker-compose.yml, compose.yaml, docker-compose.prod.yml, compose.override.yaml.</summary>
    public static bool IsComposeFile(string path) => FileName().IsMatch(System.IO.Path.GetFileName(path));

    /// <summary>The middle word of docker-compose.prod.yml ("prod"), "override", or null for the base file.</summary>
    public static string? Variant(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var dot = name.IndexOfAny(['.', '-', '_'], name.StartsWith("docker-", StringComparison.Ordinal) ? 7 : 0);
        return dot < 0 ? null : name[(dot + 1)..];
    }

    public static ComposeFile Of(SourceFile file) => file.Parsed(Parse);

    public static ComposeFile Parse(SourceFile file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return new ComposeFile(file, null, "not a YAML mapping", 1);
            var includes = IncludesOf(root);
            if (!root.Children.TryGetValue(new YamlScalarNode("services"), out var services)) return new ComposeFile(file, new YamlMappingNode(), null, 0, includes);
            return services is YamlMappingNode map
                ? new ComposeFile(file, map, null, 0, includes)
                : new ComposeFile(file, null, "'services' is not a mapping", (int)services.Start.Line);
        }
        catch (YamlException e)
        {
            return new ComposeFile(file, null, e.Message, (int)e.Start.Line);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some malformed input.
            return new ComposeFile(file, null, e.Message, 1);
        }
    }

    // include: [a.yml, {path: b.yml}, {path: [c.yml, c.override.yml]}]
    private static List<(string Path, int Line)> IncludesOf(YamlMappingNode root)
    {
        var result = new List<(string, int)>();
        if (!root.Children.TryGetValue(new YamlScalarNode("include"), out var include) || include is not YamlSequenceNode list) return result;
        foreach (var item in list.Children)
        {
            var paths = item switch
            {
                YamlScalarNode s => [s],
                YamlMappingNode m when m.Children.TryGetValue(new YamlScalarNode("path"), out var p) => p switch
                {
                    YamlScalarNode one => [one],
                    YamlSequenceNode many => many.Children.OfType<YamlScalarNode>().ToList(),
                    _ => [],
                },
                _ => new List<YamlScalarNode>(),
            };
            result.AddRange(paths.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => (p.Value!, (int)p.Start.Line)));
        }
        return result;
    }

    /// <summary>Interpolates <paramref name="text"/> with .env values; a variable with no value and no default is empty and marks it unresolved.</summary>
    public static (string Value, bool Unresolved) Interpolate(string text, IReadOnlyDictionary<string, string> env)
    {
        if (!text.Contains('$', StringComparison.Ordinal)) return (text, false);
        var unresolved = false;
        var value = Interpolation().Replace(text, m =>
        {
            if (m.Value == "$$") return "$";
            var found = env.TryGetValue(m.Groups["name"].Value, out var v);
            var set = found && v!.Length > 0;
            var word = m.Groups["word"].Value;
            switch (m.Groups["op"].Value)
            {
                case ":-": return set ? v! : word;
                case "-": return found ? v! : word;
                case ":+": return set ? word : "";
                case "+": return found ? word : "";
                default:
                    if (!found) unresolved = true;
                    return found ? v! : "";
            }
        });
        return (value, unresolved);
    }

    /// <summary>Reads a .env file: KEY=VALUE lines, optional quotes and <c>export</c>, comments.</summary>
    public static Dictionary<string, string> ReadDotEnv(string text) =>
        DotEnvLines(text).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    /// <summary>The KEY=VALUE entries of an env file with their 1-based lines, in order.</summary>
    public static IEnumerable<(string Key, string Value, int Line)> DotEnvLines(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0]) value = value[1..^1];
            else if (value.IndexOf(" #", StringComparison.Ordinal) is >= 0 and var hash) value = value[..hash].TrimEnd();
            yield return (line[..eq].Trim(), value, number);
        }
    }
}

/// <summary>
/// Merges compose files the way <c>docker compose -f base.yml -f override.yml</c> does: scalars of later files replace
/// earlier ones, ports, volumes and cap_add accumulate, environment merges by name; <c>extends</c> (same file or
/// another file) is applied first, <c>include:</c>d files come before the file that includes them, and
/// <c>env_file:</c> lines count as environment entries set in the env file. Every value keeps the file and line that set it.
/// </summary>
public static class ComposeMerger
{
    /// <param name="lookup">A compose (or other services) file by repository-relative path, for extends and include.</param>
    /// <param name="envFile">An env file by repository-relative path: its text, or null when the scan did not read it.</param>
    public static IReadOnlyList<ComposeService> Merge(IReadOnlyList<ComposeFile> files, IReadOnlyDictionary<string, string> env,
        Func<string, ComposeFile?> lookup, Func<string, SourceFile?> envFile, List<(string File, int Line, string Message)> errors)
    {
        var services = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        var order = new List<string>();
        var context = new MergeContext(env, lookup, envFile, errors);
        foreach (var file in WithIncludes(files, lookup, errors))
        {
            if (file.Services is null) continue;
            foreach (var (key, node) in file.Services.Children)
            {
                var name = key.ToString();
                if (!services.TryGetValue(name, out var service))
                {
                    service = new ComposeService { Name = name, File = file.File.Path, Line = (int)key.Start.Line };
                    services[name] = service;
                    order.Add(name);
                }
                if (node is YamlMappingNode map) Apply(service, file, map, context, depth: 0);
            }
        }
        return order.Select(n => services[n]).ToList();
    }

    private sealed record MergeContext(IReadOnlyDictionary<string, string> Env, Func<string, ComposeFile?> Lookup,
        Func<string, SourceFile?> EnvFile, List<(string File, int Line, string Message)> Errors);

    /// <summary>Each file preceded by the files it includes (recursively, each once), as <c>docker compose</c> loads them.</summary>
    private static List<ComposeFile> WithIncludes(IReadOnlyList<ComposeFile> files, Func<string, ComposeFile?> lookup, List<(string File, int Line, string Message)> errors)
    {
        var result = new List<ComposeFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(ComposeFile file, int depth)
        {
            if (!seen.Add(file.File.Path)) return;
            foreach (var (path, line) in file.Includes)
            {
                var included = depth < 8 ? lookup(Combine(file.Folder, path)) : null;
                if (included is null) errors.Add((file.File.Path, line, $"include '{path}' was not found in the scan"));
                else Add(included, depth + 1);
            }
            result.Add(file);
        }
        foreach (var file in files) Add(file, 0);
        return result;
    }

    private static void Apply(ComposeService service, ComposeFile file, YamlMappingNode map, MergeContext context, int depth)
    {
        var env = context.Env;
        var lookup = context.Lookup;
        var errors = context.Errors;
        if (map.Children.TryGetValue(new YamlScalarNode("extends"), out var extends) && depth < 8)
        {
            var (baseFile, baseName) = extends switch
            {
                YamlScalarNode s => (file, s.Value ?? ""),
                YamlMappingNode m => (Scalar(m, "file") is { } f ? lookup(Combine(file.Folder, f)) : file, Scalar(m, "service") ?? ""),
                _ => (null, ""),
            };
            if (baseFile?.Services?.Children.TryGetValue(new YamlScalarNode(baseName), out var baseNode) == true && baseNode is YamlMappingNode baseMap)
                Apply(service, baseFile, baseMap, context, depth + 1);
            else errors.Add((file.File.Path, (int)extends.Start.Line, $"service '{service.Name}' extends '{baseName}', which was not found"));
        }

        ComposeValue? Value(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? ValueOf(n, file, env) : null;
        if (Value("image") is { } image) service.Image = image;
        if (Value("privileged") is { } privileged) service.Privileged = privileged;
        if (Value("network_mode") is { } network) service.NetworkMode = network;
        if (Value("restart") is { } restart) service.Restart = restart;
        if (Value("command") is { } command) service.Command = command;
        if (Value("entrypoint") is { } entrypoint) service.Entrypoint = entrypoint;
        if (Value("healthcheck") is { } healthcheck) service.Healthcheck = healthcheck;
        if (map.Children.TryGetValue(new YamlScalarNode("deploy"), out var deploy) && deploy is YamlMappingNode deployMap
            && deployMap.Children.TryGetValue(new YamlScalarNode("restart_policy"), out var policy))
            service.Restart = ValueOf(policy, file, env) with { Value = "deploy.restart_policy" };
        if (map.Children.TryGetValue(new YamlScalarNode("build"), out var build))
        {
            if (build is YamlScalarNode)
            {
                var buildContext = ValueOf(build, file, env);
                service.BuildContext = buildContext with { Value = Combine(file.Folder, buildContext.Value) };
            }
            else if (build is YamlMappingNode buildMap)
            {
                var buildContext = buildMap.Children.TryGetValue(new YamlScalarNode("context"), out var c) ? ValueOf(c, file, env) : new ComposeValue(".", file.File.Path, (int)build.Start.Line);
                service.BuildContext = buildContext with { Value = Combine(file.Folder, buildContext.Value) };
                if (buildMap.Children.TryGetValue(new YamlScalarNode("dockerfile"), out var d)) service.BuildDockerfile = ValueOf(d, file, env);
                if (buildMap.Children.TryGetValue(new YamlScalarNode("target"), out var t)) service.BuildTarget = ValueOf(t, file, env);
            }
        }
        AddAll(service.Ports, map, "ports", file, env);
        AddAll(service.Volumes, map, "volumes", file, env);
        AddAll(service.CapAdd, map, "cap_add", file, env);
        AddAll(service.Profiles, map, "profiles", file, env);
        // env_file first: docker compose lets environment: override what the env files set.
        if (map.Children.TryGetValue(new YamlScalarNode("env_file"), out var envFiles)) ApplyEnvFiles(service, file, envFiles, context);
        if (map.Children.TryGetValue(new YamlScalarNode("environment"), out var environment))
        {
            if (environment is YamlMappingNode envMap)
            {
                foreach (var (k, v) in envMap.Children) service.Environment[k.ToString()] = ValueOf(v, file, env);
            }
            else if (environment is YamlSequenceNode envList)
            {
                foreach (var item in envList.Children)
                {
                    var entry = ValueOf(item, file, env);
                    var eq = entry.Value.IndexOf('=');
                    var writtenEq = entry.Written.IndexOf('=');
                    service.Environment[eq < 0 ? entry.Value : entry.Value[..eq]] = eq < 0
                        ? entry with { Value = "", Written = "" }
                        : entry with { Value = entry.Value[(eq + 1)..], Written = writtenEq < 0 ? entry.Written : entry.Written[(writtenEq + 1)..] };
                }
            }
        }
    }

    // env_file: a.env | [a.env, b.env] | [{path: a.env, required: false}]. A file outside the scan (written at deploy
    // time, kept out of the repository) is what it should be, and has nothing to judge.
    private static void ApplyEnvFiles(ComposeService service, ComposeFile file, YamlNode node, MergeContext context)
    {
        var entries = node switch
        {
            YamlScalarNode one => [one],
            YamlSequenceNode list => list.Children.Select(c => c switch
            {
                YamlScalarNode s => s,
                YamlMappingNode m when m.Children.TryGetValue(new YamlScalarNode("path"), out var p) && p is YamlScalarNode ps => ps,
                _ => null,
            }).OfType<YamlScalarNode>().ToList(),
            _ => new List<YamlScalarNode>(),
        };
        foreach (var entry in entries)
        {
            var (relative, _) = ComposeFile.Interpolate(entry.Value ?? "", context.Env);
            if (relative.Length == 0) continue;
            var path = Combine(file.Folder, relative);
            if (context.EnvFile(path) is not { } envFile) continue;
            foreach (var (key, value, line) in ComposeFile.DotEnvLines(envFile.Text))
            {
                var (interpolated, unresolved) = ComposeFile.Interpolate(value, context.Env);
                service.Environment[key] = new ComposeValue(interpolated, envFile.Path, line) { Written = value, Unresolved = unresolved };
            }
        }
    }

    private static void AddAll(List<ComposeValue> into, YamlMappingNode map, string key, ComposeFile file, IReadOnlyDictionary<string, string> env)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode list) return;
        foreach (var item in list.Children)
        {
            var value = ValueOf(item, file, env);
            if (!into.Any(v => v.Value == value.Value)) into.Add(value);
        }
    }

    // A scalar is interpolated; a mapping (long port or volume syntax) becomes "key=value,..." so rules can read it.
    private static ComposeValue ValueOf(YamlNode node, ComposeFile file, IReadOnlyDictionary<string, string> env)
    {
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlScalarNode s:
                var (value, unresolved) = ComposeFile.Interpolate(s.Value ?? "", env);
                return new ComposeValue(value, file.File.Path, line) { Written = s.Value ?? "", Unresolved = unresolved };
            case YamlMappingNode m:
                var text = new StringBuilder();
                var anyUnresolved = false;
                foreach (var (k, v) in m.Children)
                {
                    var inner = ValueOf(v, file, env);
                    anyUnresolved |= inner.Unresolved;
                    if (text.Length > 0) text.Append(',');
                    text.Append(k).Append('=').Append(inner.Value);
                }
                return new ComposeValue(text.ToString(), file.File.Path, line) { Unresolved = anyUnresolved };
            case YamlSequenceNode q:
                var items = q.Children.Select(c => ValueOf(c, file, env)).ToList();
                return new ComposeValue(string.Join(' ', items.Select(i => i.Value)), file.File.Path, line) { Unresolved = items.Any(i => i.Unresolved) };
            default:
                return new ComposeValue("", file.File.Path, line);
        }
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s ? s.Value : null;

    /// <summary>Joins a repository-relative folder and a relative path, resolving "." and "..".</summary>
    public static string Combine(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
