using System.Collections.Concurrent;
using System.Text.Json;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>What the user chose for Terraform: var files (--var-file, repeatable) and plan JSON files (--terraform-plan).</summary>
public sealed record TerraformOptions
{
    /// <summary>The scanned directory, to match var and plan files given on the command line with the files walked.</summary>
    public string? Root { get; init; }
    public IReadOnlyList<string> VarFiles { get; init; } = [];
    public IReadOnlyList<string> PlanFiles { get; init; } = [];
}

/// <summary>
/// Terraform as evidence: the .tf/.tfvars files of the tree (modules expanded, variables resolved) and plan JSON files
/// (found by content, or named with --terraform-plan). Syntax errors become coverage gaps with line and column.
/// </summary>
public sealed class TerraformSource(TerraformOptions? options = null) : IEvidenceSource
{
    private readonly TerraformOptions options = options ?? new TerraformOptions();
    private readonly ConcurrentDictionary<string, SourceFile> configFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SourceFile> planFiles = new(StringComparer.Ordinal);

    public string Name => "terraform";

    public void Observe(SourceFile file)
    {
        // .terraform/ holds what `terraform init` downloaded (registry modules, providers): not this project's roots.
        if (file.Path.StartsWith(".terraform/", StringComparison.Ordinal) || file.Path.Contains("/.terraform/", StringComparison.Ordinal)) return;
        if (file.Path.EndsWith(".tf", StringComparison.Ordinal) || TerraformProject.IsVarFile(file.Path)) configFiles[file.Path] = file;
        else if (TerraformPlanReader.LooksLikePlan(file)) planFiles[file.Path] = file;
    }

    public Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        var coverage = collector.Coverage;
        var varFiles = options.VarFiles.Select(v => Resolve(v, configFiles, coverage)).OfType<SourceFile>().ToList();
        foreach (var plan in options.PlanFiles.Select(p => Resolve(p, planFiles, coverage)).OfType<SourceFile>()) planFiles[plan.Path] = plan;

        var files = configFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var resourceCount = 0;
        if (files.Count > 0)
        {
            var load = TerraformProject.Load(files, varFiles, TfDisk.Under(options.Root ?? "."));
            foreach (var gap in load.Gaps) coverage.AddGap(gap);
            foreach (var skip in load.Skips) coverage.AddSkip(skip);
            foreach (var root in load.Roots)
            {
                foreach (var r in MapRoot(root, coverage)) collector.Add(r);
                collector.Add(Backend(root));
                resourceCount += root.Resources.Count(r => !r.IsData);
            }
            coverage.Count("iac.files", files.Count);
        }
        foreach (var plan in planFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var resources = TerraformPlanReader.Read(plan);
                foreach (var r in MapDeclared(resources)) collector.Add(r);
                resourceCount += resources.Count(r => !r.IsData);
                coverage.Count("iac.files");
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                var line = ex is JsonException json ? (int)(json.LineNumber ?? 0) + 1 : 0;
                coverage.AddGap(new CoverageGap(EvidenceSource.Iac, plan.Path, "Terraform plan JSON could not be read: " + ex.Message) { Line = line });
            }
        }
        coverage.Count("iac.resources", resourceCount);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Maps one root on its own (addresses repeat across roots: every example has its module.db). Data sources are
    /// lookups of what exists elsewhere: they inform the mapper (policy documents) but are never declared resources.
    /// A mapping failure is a gap for this root alone.
    /// </summary>
    private static IReadOnlyList<CloudResource> MapRoot(TfRoot root, Coverage coverage)
    {
        try
        {
            return MapDeclared(root.Resources)
                .Select(m => m with { Provenance = m.Provenance with { Root = root.Directory, IsExampleRoot = root.IsExample } })
                .ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            coverage.AddGap(new CoverageGap(EvidenceSource.Iac, root.Directory,
                $"Terraform root module '{root.Directory}' could not be mapped: {ex.Message}; its resources were not checked."));
            return [];
        }
    }

    /// <summary>The mapped resources the configuration declares: data sources inform the mapper but are not among them.</summary>
    private static IEnumerable<CloudResource> MapDeclared(IReadOnlyList<IacResource> resources)
    {
        var dataAddresses = resources.Where(r => r.IsData).Select(r => r.Address).ToHashSet(StringComparer.Ordinal);
        return TerraformMapper.Map(resources).Where(m => m.Provenance.Address is not { } a || !dataAddresses.Contains(a));
    }

    private static TerraformBackend Backend(TfRoot root) => new()
    {
        Id = root.Directory,
        Provenance = new Provenance
        {
            Origin = Origin.Terraform,
            File = root.Backend.File,
            Line = root.Backend.Line,
            Address = "terraform.backend",
            Root = root.Directory,
            IsExampleRoot = root.IsExample,
        },
        BackendType = Value<string>.Of(root.Backend.Type).From(ValueOrigin.InFile(root.Backend.File, root.Backend.Line)),
    };

    /// <summary>
    /// A file named on the command line, relative to the working directory (as terraform -var-file takes it) or else
    /// to the scanned folder: the walked copy when it is inside the tree, else read from disk.
    /// </summary>
    private SourceFile? Resolve(string path, ConcurrentDictionary<string, SourceFile> walked, Coverage coverage)
    {
        var root = Path.GetFullPath(options.Root ?? ".");
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) full = Path.GetFullPath(path, root);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (walked.TryGetValue(relative, out var file)) return file;
        if (!File.Exists(full))
        {
            coverage.AddGap(new CoverageGap(EvidenceSource.Iac, path, "The file given on the command line does not exist."));
            return null;
        }
        return new SourceFile(relative.StartsWith("../", StringComparison.Ordinal) ? path.Replace('\\', '/') : relative, File.ReadAllText(full));
    }
}
