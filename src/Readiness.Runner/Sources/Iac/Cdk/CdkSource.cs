using System.Collections.Concurrent;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Iac.Cdk;

/// <summary>
/// CDK apps whose synthesized templates are absent: their TypeScript and Python source is read for the constructs
/// <see cref="CdkConstructs"/> knows, judged at the source line. When an app's cdk.out holds templates, those are read
/// instead (by the CloudFormation source) and its source is not, so one construct is never reported twice.
/// </summary>
/// <param name="root">The scanned directory, to look for cdk.out beside each cdk.json (null: only walked files).</param>
public sealed class CdkSource(string? root = null) : IEvidenceSource
{
    private readonly ConcurrentDictionary<string, SourceFile> sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> apps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> synthesized = new(StringComparer.Ordinal);

    public string Name => "cdk";

    public void Observe(SourceFile file)
    {
        var folder = Folder(file.Path);
        if (file.Name == "cdk.json") apps[folder] = 0;
        else if (file.Name.EndsWith(".template.json", StringComparison.Ordinal) && (folder == "cdk.out" || folder.EndsWith("/cdk.out", StringComparison.Ordinal)))
            synthesized[Folder(folder)] = 0;
        else if (IsCdkSource(file)) sources[file.Path] = file;
    }

    /// <summary>TypeScript or Python that imports the CDK (v2 aws-cdk-lib / aws_cdk, v1 @aws-cdk/).</summary>
    private static bool IsCdkSource(SourceFile file) =>
        ((file.Name.EndsWith(".ts", StringComparison.Ordinal) && !file.Name.EndsWith(".d.ts", StringComparison.Ordinal)) || file.Name.EndsWith(".py", StringComparison.Ordinal))
        && file.Text.AsSpan().IndexOfAny(Cdk) is >= 0 and var at && file.Text.AsSpan(Math.Max(0, at - 5)).ContainsAny(CdkImports);

    // Each spelling holds "cdk" at most five characters in (@aws-cdk/): the single-string search (vectorised, several times
    // faster than the set's, and anchored on its rarest characters) rejects almost every file, and the set's pass
    // starts just before its first "cdk".
    private static readonly System.Buffers.SearchValues<string> Cdk = System.Buffers.SearchValues.Create(["cdk"], StringComparison.Ordinal);
    private static readonly System.Buffers.SearchValues<string> CdkImports = System.Buffers.SearchValues.Create(["aws-cdk-lib", "@aws-cdk/", "aws_cdk"], StringComparison.Ordinal);

    public Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        var read = 0;
        var resources = 0;
        foreach (var file in sources.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (App(file.Path) is { } app && HasTemplates(app)) continue;
            read++;
            foreach (var resource in CdkConstructs.Read(file))
            {
                resources++;
                collector.Add(resource);
            }
        }
        if (read > 0) collector.Coverage.Count("iac.cdk-source-files", read);
        if (resources > 0) collector.Coverage.Count("iac.resources", resources);
        return Task.CompletedTask;
    }

    /// <summary>The nearest folder above the file that holds a cdk.json, or null for CDK code outside an app (a construct library).</summary>
    private string? App(string path)
    {
        for (var folder = Folder(path); ; folder = Folder(folder))
        {
            if (apps.ContainsKey(folder)) return folder;
            if (folder == ".") return null;
        }
    }

    private bool HasTemplates(string app)
    {
        if (synthesized.ContainsKey(app)) return true;
        if (root is null) return false;
        var folder = Path.Combine(Path.GetFullPath(root), app == "." ? "cdk.out" : app + "/cdk.out");
        try
        {
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.template.json").Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // the CloudFormation source cannot read them either: the source is what there is to judge
        }
    }

    private static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : ".";
}
