using System.Globalization;
using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>A root module's backend as declared (or not) in its terraform block.</summary>
public sealed record TfBackend(string RootDirectory, string Type, string File, int Line);

/// <summary>
/// One root module and what it declares. An example root (under examples/, example/, test/ or tests/) shows how a
/// module library is used; its findings are labelled "example".
/// </summary>
public sealed record TfRoot(string Directory, bool IsExample, IReadOnlyList<IacResource> Resources, TfBackend Backend);

/// <summary>What reading a tree of Terraform files produced.</summary>
public sealed record TfLoadResult(IReadOnlyList<TfRoot> Roots, IReadOnlyList<CoverageGap> Gaps, IReadOnlyList<CoverageSkip> Skips, int Files)
{
    public IReadOnlyList<IacResource> Resources => Roots.SelectMany(r => r.Resources).ToList();
    public IReadOnlyList<TfBackend> Backends => Roots.Select(r => r.Backend).ToList();
}

/// <summary>
/// Reads .tf and .tfvars files into module instances: finds the root modules (directories no other configuration uses
/// as a local module source, outside wrappers/), gives each its variable values (defaults, then terraform.tfvars,
/// *.auto.tfvars and the chosen var files, later ones winning, as Terraform does), expands local modules, and registry
/// or git modules that `terraform init` fetched (.terraform/modules/modules.json), with their inputs, expands count and
/// for_each, and lists every resource instance with its address (module.db["primary"].aws_db_instance.this[0]).
/// A root whose evaluation fails is a coverage gap for that root alone.
/// </summary>
public static class TerraformProject
{
    private const int MaxModuleDepth = 8;

    /// <summary>More instances than this (count = 5000) are judged as one instance with unknown count.index / each.</summary>
    public const int MaxInstances = 256;

    private static readonly HashSet<string> ExampleFolders = new(StringComparer.Ordinal) { "examples", "example", "test", "tests" };

    /// <param name="files">The .tf, .tfvars and .tfvars.json files, with repository-relative paths.</param>
    /// <param name="varFiles">Var files chosen by the user (repository-relative paths or files read from outside the tree).</param>
    /// <param name="disk">Reads files the walker does not hand over: file(), templatefile(), .terraform/modules.</param>
    public static TfLoadResult Load(IReadOnlyList<SourceFile> files, IReadOnlyList<SourceFile> varFiles, TfDisk? disk = null)
    {
        disk ??= TfDisk.None;
        var gaps = new List<CoverageGap>();
        var skips = new List<CoverageSkip>();
        var parsed = new Dictionary<string, List<HclFile>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var hcl = Parse(file.Path, file.Text, gaps);
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

        var context = new LoadContext(parsed, disk, gaps, skips);
        var roots = new List<TfRoot>();
        var tfvars = files.Where(f => IsVarFile(f.Path)).ToList();
        var chosen = varFiles.Select(v => (File: v, Values: ReadVarFile(v, gaps))).ToList();
        foreach (var root in parsed.Keys.Where(d => !children.Contains(d) && !IsWrapper(d)).OrderBy(d => d, StringComparer.Ordinal))
        {
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
            var declaredNames = parsed[root].SelectMany(f => f.Body.BlocksOf("variable")).Select(b => b.Label(0)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            // A chosen var file applies to the roots that declare its variables (a tree may hold several roots).
            foreach (var (varFile, assignments) in chosen.Where(c => c.Values.Keys.Any(declaredNames.Contains)))
            {
                foreach (var (k, v) in assignments) values[k] = v;
                TerraformOrigins.AddVarFile(sources, varFile);
            }
            var resources = new List<IacResource>();
            var where = new Where();
            try
            {
                var module = NewModule(root, root, "", parsed[root], new Dictionary<string, HclExpr?>(), values, null, disk, where, sources);
                Expand(module, context, 0, [root], "", root, where);
                Collect(module, resources, where, root);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One root that cannot be evaluated must not hide the others: a gap for this root alone.
                resources.Clear();
                gaps.Add(new CoverageGap(EvidenceSource.Iac, where.File ?? root,
                    $"Terraform root module '{root}' could not be evaluated{(where.Expression is null ? "" : $" at '{where.Expression}'")}: {ex.Message}; its resources were not checked.")
                { Line = where.Line });
            }
            roots.Add(new TfRoot(root, IsExampleRoot(root), resources, BackendOf(root, parsed[root])));
        }
        return new TfLoadResult(roots, gaps, skips, files.Count);
    }

    /// <summary>Where evaluation is, so a failure names file, line and expression.</summary>
    private sealed class Where
    {
        public string? File { get; private set; }
        public int Line { get; private set; }
        public string? Expression { get; private set; }

        public void At(string file, int line, string? expression)
        {
            File = file;
            Line = line;
            Expression = expression;
        }
    }

    private sealed record LoadContext(Dictionary<string, List<HclFile>> Parsed, TfDisk Disk, List<CoverageGap> Gaps, List<CoverageSkip> Skips)
    {
        private readonly Dictionary<string, List<HclFile>?> fromDisk = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyDictionary<string, string>?> manifests = new(StringComparer.Ordinal);

        /// <summary>The files of a module directory: walked, else read from disk (.terraform/modules is not walked).</summary>
        public List<HclFile>? FilesOf(string dir)
        {
            if (Parsed.TryGetValue(dir, out var walked)) return walked;
            if (fromDisk.TryGetValue(dir, out var cached)) return cached;
            var paths = Disk.ListTerraformFiles(dir);
            var result = paths.Count == 0 ? null : paths.Select(p => Disk.Read(p) is { } text ? Parse(p, text, Gaps) : null).OfType<HclFile>().ToList();
            return fromDisk[dir] = result;
        }

        /// <summary>modules.json of a root: module key ("db", "db.instance") to its repository-relative directory.</summary>
        public IReadOnlyDictionary<string, string>? Manifest(string root)
        {
            if (manifests.TryGetValue(root, out var cached)) return cached;
            var path = (root == "." ? "" : root + "/") + ".terraform/modules/modules.json";
            IReadOnlyDictionary<string, string>? result = null;
            if (Disk.Read(path) is { } text)
            {
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    result = doc.RootElement.GetProperty("Modules").EnumerateArray()
                        .Where(m => m.TryGetProperty("Key", out _) && m.TryGetProperty("Dir", out _))
                        .GroupBy(m => m.GetProperty("Key").GetString() ?? "")
                        .ToDictionary(g => g.Key, g => TerraformFunctions.Normalize((root == "." ? "" : root + "/") + g.First().GetProperty("Dir").GetString()), StringComparer.Ordinal);
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    Gaps.Add(new CoverageGap(EvidenceSource.Iac, path, "Terraform module manifest could not be read: " + ex.Message));
                }
            }
            return manifests[root] = result;
        }
    }

    private static HclFile Parse(string path, string text, List<CoverageGap> gaps)
    {
        var hcl = HclParser.Parse(path, text);
        if (hcl.Error is { } error)
        {
            gaps.Add(new CoverageGap(EvidenceSource.Iac, path,
                $"Terraform syntax error: {error.Message}; resources after this point in the file were not checked.")
            { Line = error.Line, Column = error.Column });
        }
        return hcl;
    }

    /// <summary>wrappers/ in a module library re-export the module for Terragrunt: they are not roots.</summary>
    public static bool IsWrapper(string dir) => dir.Split('/').Contains("wrappers", StringComparer.Ordinal);

    public static bool IsExampleRoot(string dir) => dir.Split('/').Any(ExampleFolders.Contains);

    /// <summary>
    /// A module instance whose variables are, in order of precedence: <paramref name="values"/> (tfvars), the module
    /// call's arguments (evaluated in <paramref name="caller"/>), the declared defaults; each with optional() defaults
    /// of its type applied.
    /// </summary>
    private static TfModule NewModule(string dir, string root, string prefix, IReadOnlyList<HclFile> files, IReadOnlyDictionary<string, HclExpr?> arguments,
        IReadOnlyDictionary<string, object?> values, TfModule? caller, TfDisk disk, Where where, IReadOnlyDictionary<string, TfVariableSource> sources)
    {
        var variables = new Dictionary<string, Lazy<object?>>(StringComparer.Ordinal);
        var module = new TfModule(dir, prefix, files, variables, disk, root) { VariableSources = sources };
        var empty = new TfModule(dir, prefix, [], new Dictionary<string, Lazy<object?>>(), disk, root);
        foreach (var block in files.SelectMany(f => f.Body.BlocksOf("variable")))
        {
            if (block.Label(0) is not { } name) continue;
            var type = block.Body.Attribute("type")?.Value;
            var defaultValue = block.Body.Attribute("default")?.Value;
            variables[name] = new Lazy<object?>(() =>
            {
                object? raw;
                if (values.TryGetValue(name, out var assigned)) raw = assigned;
                else if (arguments.TryGetValue(name, out var argument) && argument is not null && caller is not null) raw = TerraformEvaluator.Instance.Eval(argument, caller);
                else if (defaultValue is not null) raw = TerraformEvaluator.Instance.Eval(defaultValue, empty);
                else raw = new IacUnknown("var." + name);
                return TerraformEvaluator.Instance.ApplyTypeDefaults(type, raw, empty);
            });
        }
        return module;
    }
    public static bool IsVarFile(string path) => path.EndsWith(".tfvars", StringComparison.Ordinal) || path.EndsWith(".tfvars.json", StringComparison.Ordinal);

    private static bool IsAutomaticVarFile(string name) =>
        name is "terraform.tfvars" or "terraform.tfvars.json" || name.EndsWith(".auto.tfvars", StringComparison.Ordinal) || name.EndsWith(".auto.tfvars.json", StringComparison.Ordinal);

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
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

    private static void Expand(TfModule parent, LoadContext context, int depth, HashSet<string> path, string keyPath, string root, Where where)
    {
        if (depth >= MaxModuleDepth) return;
        foreach (var (file, block) in parent.Files.SelectMany(f => f.Body.BlocksOf("module").Select(b => (f, b))))
        {
            if (block.Label(0) is not { } name) continue;
            where.At(file.Path, block.Line, "module." + name);
            var key = keyPath.Length == 0 ? name : keyPath + "." + name;
            var dir = LocalSource(parent.Directory, block) ?? (context.Manifest(root)?.TryGetValue(key, out var fetched) == true ? fetched : null);
            var childFiles = dir is null ? null : context.FilesOf(dir);
            if (dir is null || childFiles is null)
            {
                var source = block.Body.Attribute("source")?.Value is { } s ? IacValues.AsString(TerraformEvaluator.Instance.Eval(s, parent)) ?? s.Text : "?";
                context.Skips.Add(new CoverageSkip(EvidenceSource.Iac, $"{file.Path}:{block.Line}",
                    $"module.{name} (source \"{source}\") was not read: run `terraform init` before the scan so .terraform/modules holds it, or scan the plan JSON (--terraform-plan)."));
                continue;
            }
            if (path.Contains(dir)) continue;
            var arguments = block.Body.Attributes.Where(a => !MetaArguments.Contains(a.Name))
                .ToDictionary(a => a.Name, a => (HclExpr?)a.Value, StringComparer.Ordinal);
            var address = $"{parent.AddressPrefix}module.{name}";
            var instances = Instances(block.Body, parent);
            var sources = new Dictionary<string, TfVariableSource>(StringComparer.Ordinal);
            TerraformOrigins.AddModuleArguments(sources, block, parent, block.Body.Attributes.Where(a => !MetaArguments.Contains(a.Name)));
            var byKey = new Dictionary<string, TfModule>(StringComparer.Ordinal);
            TfModule? single = null;
            foreach (var instance in instances)
            {
                var child = NewModule(dir, root, $"{address}{instance.Suffix}.", childFiles, arguments, new Dictionary<string, object?>(), instance.Scope,
                    context.Disk, where, sources);
                if (instance.Key is { } k) byKey[k] = child;
                else single = child;
                Expand(child, context, depth + 1, [.. path, dir], key, root, where);
            }
            if (instances.Count > 0) parent.Children[name] = new TfModuleCall(address, single, byKey);
        }
    }

    /// <summary>One instance of a resource or module block: its address suffix, key and the view with count / each.</summary>
    private sealed record Instance(string Suffix, string? Key, TfModule Scope);

    /// <summary>
    /// The instances of a block. count and for_each known: one per index or key (none for 0 or empty). Unknown, or
    /// more than <see cref="MaxInstances"/>: one instance without index, count.index and each unknown, because a
    /// resource that may exist is judged rather than dropped.
    /// </summary>
    private static List<Instance> Instances(HclBody body, TfModule module)
    {
        if (body.Attribute("count") is { } countAttribute)
        {
            var count = TerraformEvaluator.Instance.Eval(countAttribute.Value, module);
            if (IacValues.AsNumber(count) is { } n && n >= 0 && n == Math.Floor(n) && n <= MaxInstances)
            {
                return Enumerable.Range(0, (int)n)
                    .Select(i => new Instance($"[{i}]", i.ToString(CultureInfo.InvariantCulture), module.With("count", Map("index", (decimal)i))))
                    .ToList();
            }
            return [new Instance("", null, module.With("count", Map("index", new IacUnknown("count.index"))))];
        }
        if (body.Attribute("for_each") is { } forEachAttribute)
        {
            var collection = TerraformEvaluator.Instance.Eval(forEachAttribute.Value, module);
            var pairs = collection switch
            {
                Dictionary<string, object?> map => map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (Key: (string?)kv.Key, kv.Value)).ToList(),
                List<object?> set when set.All(x => x is string) => set.Distinct().Select(x => (Key: (string?)x, Value: x)).ToList(),
                _ => null,
            };
            if (pairs is not null && pairs.Count <= MaxInstances)
            {
                return pairs.Select(p => new Instance(TerraformEvaluator.InstanceKey(p.Key)!, p.Key, module.With("each", Map("key", p.Key, "value", p.Value)))).ToList();
            }
            return [new Instance("", null, module.With("each", Map("key", new IacUnknown("each.key"), "value", new IacUnknown("each.value"))))];
        }
        return [new Instance("", null, module)];
    }

    private static Dictionary<string, object?> Map(params object?[] pairs)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2) map[(string)pairs[i]!] = pairs[i + 1];
        return map;
    }

    private static void Collect(TfModule module, List<IacResource> resources, Where where, string root)
    {
        foreach (var file in module.Files)
        {
            foreach (var block in file.Body.Blocks.Where(b => b.Type is "resource" or "data"))
            {
                if (block.Label(0) is not { } type || block.Label(1) is not { } name) continue;
                where.At(file.Path, block.Line, $"{type}.{name}");
                var isData = block.Type == "data";
                foreach (var instance in Instances(block.Body, module))
                {
                    var address = $"{module.AddressPrefix}{(isData ? "data." : "")}{type}.{name}{instance.Suffix}";
                    resources.Add(new IacResource(type, name, address, file.Path, block.Line, new HclIacBody(block.Body, block.Line, instance.Scope, file.Path),
                        Origin.Terraform, isData, module.AddressPrefix, Scope: root));
                }
            }
        }
        foreach (var call in module.Children.Values)
        {
            if (call.Single is { } single) Collect(single, resources, where, root);
            foreach (var instance in call.Instances.Values) Collect(instance, resources, where, root);
        }
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
