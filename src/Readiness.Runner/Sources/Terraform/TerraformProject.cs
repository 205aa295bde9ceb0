using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>A root module's backend as declared (or not) in its terraform block.</summary>
public sealed record TfBackend(string RootDirectory, string Type, string File, int Line);

/// <summary>What reading a tree of Terraform files produced.</summary>
public sealed record TfLoadResult(IReadOnlyList<IacResource> Resources, IReadOnlyList<TfBackend> Backends, IReadOnlyList<CoverageGap> Gaps, int Files);

/// <summary>
/// Reads .tf and .tfvars files into module instances: finds the root modules (directories no other configuration uses
/// as a local module source), gives each its variable values (defaults, then terraform.tfvars, *.auto.tfvars and the
/// chosen var files, later ones winning, as Terraform does), expands local modules with their inputs, and lists every
/// resource with its address (module.rds.aws_db_instance.postgres).
/// </summary>
public static class TerraformProject
{
    private const int MaxModuleDepth = 8;

    /// <param name="files">The .tf, .tfvars and .tfvars.json files, with repository-relative paths.</param>
    /// <param name="varFiles">Var files chosen by the user (repository-relative paths or files read from outside the tree).</param>
    public static TfLoadResult Load(IReadOnlyList<SourceFile> files, IReadOnlyList<SourceFile> varFiles)
    {
        var gaps = new List<CoverageGap>();
        var parsed = new Dictionary<string, List<HclFile>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var hcl = HclParser.Parse(file.Path, file.Text);
            if (hcl.Error is { } error)
            {
                gaps.Add(new CoverageGap(EvidenceSource.Iac, file.Path,
                    $"Terraform syntax error: {error.Message}; resources after this point in the file were not checked.")
                { Line = error.Line, Column = error.Column });
            }
            var dir = DirectoryOf(file.Path);
            if (!parsed.TryGetValue(dir, out var list)) parsed[dir] = list = [];
            list.Add(hcl);
        }

        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (dir, hcls) in parsed)
        {
            foreach (var module in hcls.SelectMany(h => h.Body.BlocksOf("module")))
            {
                if (LocalSource(dir, module) is { } childDir && childDir != dir) children.Add(childDir);
            }
        }

        var resources = new List<IacResource>();
        var backends = new List<TfBackend>();
        var tfvars = files.Where(f => IsVarFile(f.Path)).ToList();
        var chosen = varFiles.Select(v => (File: v, Values: ReadVarFile(v, gaps))).ToList();
        foreach (var root in parsed.Keys.Where(d => !children.Contains(d)).OrderBy(d => d, StringComparer.Ordinal))
        {
            var declared = DeclaredVariables(parsed[root]);
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var sources = new Dictionary<string, TfVariableSource>(StringComparer.Ordinal);
            var automatic = tfvars
                .Where(f => DirectoryOf(f.Path) == root && IsAutomaticVarFile(f.Name))
                .OrderBy(f => f.Name.StartsWith("terraform.tfvars", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(f => f.Name, StringComparer.Ordinal);
            foreach (var file in automatic)
            {
                foreach (var (k, v) in ReadVarFile(file, gaps)) values[k] = v;
                TerraformOrigins.AddVarFile(sources, file);
            }
            // A chosen var file applies to the roots that declare its variables (a tree may hold several roots).
            foreach (var (varFile, assignments) in chosen.Where(c => c.Values.Keys.Any(declared.ContainsKey)))
            {
                foreach (var (k, v) in assignments) values[k] = v;
                TerraformOrigins.AddVarFile(sources, varFile);
            }
            var variables = declared.ToDictionary(
                kv => kv.Key,
                kv => values.TryGetValue(kv.Key, out var v) ? new Lazy<object?>(v) : kv.Value,
                StringComparer.Ordinal);
            var module = new TfModule(root, "", parsed[root], variables) { VariableSources = sources };
            Expand(module, parsed, 0, [root]);
            Collect(module, resources, root);
            backends.Add(BackendOf(root, parsed[root]));
        }
        return new TfLoadResult(resources, backends, gaps, files.Count);
    }

    public static bool IsVarFile(string path) => path.EndsWith(".tfvars", StringComparison.Ordinal) || path.EndsWith(".tfvars.json", StringComparison.Ordinal);

    private static bool IsAutomaticVarFile(string name) =>
        name is "terraform.tfvars" or "terraform.tfvars.json" || name.EndsWith(".auto.tfvars", StringComparison.Ordinal) || name.EndsWith(".auto.tfvars.json", StringComparison.Ordinal);

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    /// <summary>Default values of the variables a module declares; a variable without default is unknown.</summary>
    private static Dictionary<string, Lazy<object?>> DeclaredVariables(IEnumerable<HclFile> files)
    {
        var empty = new TfModule(".", "", [], new Dictionary<string, Lazy<object?>>());
        var result = new Dictionary<string, Lazy<object?>>(StringComparer.Ordinal);
        foreach (var block in files.SelectMany(f => f.Body.BlocksOf("variable")))
        {
            if (block.Label(0) is not { } name) continue;
            var defaultValue = block.Body.Attribute("default");
            result[name] = defaultValue is null
                ? new Lazy<object?>(new IacUnknown("var." + name))
                : new Lazy<object?>(() => TerraformEvaluator.Instance.Eval(defaultValue.Value, empty));
        }
        return result;
    }

    private static Dictionary<string, object?> ReadVarFile(SourceFile file, List<CoverageGap> gaps)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (file.Path.EndsWith(".json", StringComparison.Ordinal))
        {
            try
            {
                using var doc = JsonDocument.Parse(file.Text);
                if (IacValues.FromJson(doc.RootElement) is Dictionary<string, object?> map) return map;
            }
            catch (JsonException ex)
            {
                gaps.Add(new CoverageGap(EvidenceSource.Iac, file.Path, "Invalid JSON in var file: " + ex.Message) { Line = (int)(ex.LineNumber ?? 0) + 1 });
            }
            return result;
        }
        var hcl = HclParser.Parse(file.Path, file.Text);
        if (hcl.Error is { } error)
            gaps.Add(new CoverageGap(EvidenceSource.Iac, file.Path, "Terraform var file syntax error: " + error.Message) { Line = error.Line, Column = error.Column });
        var empty = new TfModule(DirectoryOf(file.Path), "", [], new Dictionary<string, Lazy<object?>>());
        foreach (var attribute in hcl.Body.Attributes) result[attribute.Name] = TerraformEvaluator.Instance.Eval(attribute.Value, empty);
        return result;
    }

    private static string? LocalSource(string dir, HclBlock module)
    {
        if (module.Body.Attribute("source")?.Value is not HclTemplate { Parts: [string source] }) return null;
        if (!source.StartsWith("./", StringComparison.Ordinal) && !source.StartsWith("../", StringComparison.Ordinal)) return null;
        var parts = (dir == "." ? [] : dir.Split('/')).ToList();
        foreach (var segment in source.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    private static readonly HashSet<string> MetaArguments = ["source", "version", "count", "for_each", "providers", "depends_on"];

    private static void Expand(TfModule parent, Dictionary<string, List<HclFile>> parsed, int depth, HashSet<string> path)
    {
        if (depth >= MaxModuleDepth) return;
        foreach (var block in parent.Files.SelectMany(f => f.Body.BlocksOf("module")))
        {
            if (block.Label(0) is not { } name || LocalSource(parent.Directory, block) is not { } dir) continue;
            if (!parsed.TryGetValue(dir, out var childFiles) || path.Contains(dir)) continue;
            if (IsDisabled(block.Body, parent)) continue;
            var variables = DeclaredVariables(childFiles);
            var inputs = block.Body.Attributes.Where(a => !MetaArguments.Contains(a.Name) && variables.ContainsKey(a.Name)).ToList();
            foreach (var input in inputs)
            {
                var expr = input.Value;
                variables[input.Name] = new Lazy<object?>(() => TerraformEvaluator.Instance.Eval(expr, parent));
            }
            var sources = new Dictionary<string, TfVariableSource>(StringComparer.Ordinal);
            TerraformOrigins.AddModuleArguments(sources, block, parent, inputs);
            var child = new TfModule(dir, $"{parent.AddressPrefix}module.{name}.", childFiles, variables) { VariableSources = sources };
            parent.Children[name] = child;
            Expand(child, parsed, depth + 1, [.. path, dir]);
        }
    }

    /// <summary>count = 0 (often "var.enabled ? 1 : 0") means the block creates nothing.</summary>
    private static bool IsDisabled(HclBody body, TfModule module) =>
        body.Attribute("count") is { } count && IacValues.AsNumber(TerraformEvaluator.Instance.Eval(count.Value, module)) == 0;

    private static void Collect(TfModule module, List<IacResource> resources, string root)
    {
        foreach (var file in module.Files)
        {
            foreach (var block in file.Body.Blocks.Where(b => b.Type is "resource" or "data"))
            {
                if (block.Label(0) is not { } type || block.Label(1) is not { } name || IsDisabled(block.Body, module)) continue;
                var isData = block.Type == "data";
                var address = $"{module.AddressPrefix}{(isData ? "data." : "")}{type}.{name}";
                resources.Add(new IacResource(type, name, address, file.Path, block.Line, new HclIacBody(block.Body, block.Line, module, file.Path),
                    Origin.Terraform, isData, module.AddressPrefix, Scope: root));
            }
        }
        foreach (var child in module.Children.Values) Collect(child, resources, root);
    }

    private static TfBackend BackendOf(string root, List<HclFile> files)
    {
        foreach (var file in files)
        {
            foreach (var terraform in file.Body.BlocksOf("terraform"))
            {
                if (terraform.Body.BlocksOf("backend").FirstOrDefault() is { } backend)
                    return new TfBackend(root, backend.Label(0) ?? "local", file.Path, backend.Line);
                if (terraform.Body.BlocksOf("cloud").FirstOrDefault() is { } cloud)
                    return new TfBackend(root, "cloud", file.Path, cloud.Line);
            }
        }
        // No backend: point at the terraform block (where one belongs), else at the first file.
        var withBlock = files.FirstOrDefault(f => f.Body.BlocksOf("terraform").Any());
        var main = files.FirstOrDefault(f => f.Path.EndsWith("/main.tf", StringComparison.Ordinal) || f.Path == "main.tf") ?? files[0];
        return withBlock is not null
            ? new TfBackend(root, "local", withBlock.Path, withBlock.Body.BlocksOf("terraform").First().Line)
            : new TfBackend(root, "local", main.Path, 1);
    }
}
