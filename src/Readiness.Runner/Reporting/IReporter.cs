using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>Renders a scan result into one file. Reporters only render: they decide nothing about findings.</summary>
public interface IReporter
{
    /// <summary>The --format name: json, sarif, html, md, junit.</summary>
    string Format { get; }

    /// <summary>The file written in the output folder.</summary>
    string FileName { get; }

    void Write(ScanResult result, ReportContext context, Stream output);
}

/// <summary>What renderers may look up besides the result: the full rule metadata (rationale, remediation, references).</summary>
public sealed class ReportContext(RuleCatalog catalog, string sourceRootPrefix = "")
{
    public RuleCatalog Catalog { get; } = catalog;

    /// <summary>
    /// The scanned folder's path inside its repository ("" when it is the repository root), so artifact URIs are
    /// repository-relative as GitHub requires even when a subfolder was scanned.
    /// </summary>
    public string SourceRootPrefix { get; } = sourceRootPrefix.Trim('/');

    /// <summary>Keep suppressed findings in results.sarif, marked with SARIF suppressions (--sarif-include-suppressed).</summary>
    public bool SarifIncludeSuppressed { get; init; }

    /// <summary>Where reporters say what they had to leave out (results trimmed to GitHub's limits); stderr in the CLI.</summary>
    public TextWriter Warnings { get; init; } = TextWriter.Null;

    public RuleMetadata? Rule(string id) => Catalog.Find(id)?.Metadata;

    /// <summary>A repository-relative, percent-encoded URI for a location; synthetic paths for cloud and HTTP findings.</summary>
    public string ArtifactUri(Location location)
    {
        string path;
        if (location.File is { } file) path = SourceRootPrefix.Length == 0 ? file.Path : SourceRootPrefix + "/" + file.Path;
        else if (location.Resource is { } resource) path = resource.SyntheticPath();
        else if (location.Endpoint is { } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            path = $"http/{uri.Scheme}/{uri.Host}/{uri.Port}{uri.AbsolutePath.TrimEnd('/')}";
        else path = "unknown";
        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>The folder's path relative to the enclosing git repository root, or "" when it is not inside one.</summary>
    public static string FindSourceRootPrefix(string scannedFolder)
    {
        var full = Path.GetFullPath(scannedFolder);
        for (var dir = new DirectoryInfo(full); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                var relative = Path.GetRelativePath(dir.FullName, full).Replace('\\', '/');
                return relative == "." ? "" : relative;
            }
        }
        return "";
    }
}

public static class Reporters
{
    /// <summary>Every file format, in the order they are written. New formats are registered here.</summary>
    public static IReadOnlyList<IReporter> All { get; } = [new JsonReporter(), new SarifReporter(), new HtmlReporter(), new MarkdownReporter(), new JUnitReporter()];

    public static IReporter? Find(string format) => All.FirstOrDefault(r => r.Format == format);

    public static void WriteAll(ScanResult result, IEnumerable<string> formats, string outputDir, ReportContext context)
    {
        Directory.CreateDirectory(outputDir);
        foreach (var format in formats.Distinct())
        {
            var reporter = Find(format) ?? throw new ArgumentException($"unknown format '{format}'");
            using var stream = File.Create(Path.Combine(outputDir, reporter.FileName));
            reporter.Write(result, context, stream);
        }
    }
}

public sealed class JsonReporter : IReporter
{
    public string Format => "json";
    public string FileName => "results.json";

    public void Write(ScanResult result, ReportContext context, Stream output)
    {
        // Streamed, not built as one string: a merged organisation's results.json runs to hundreds of MB.
        ResultsJson.Serialize(output, result);
        output.WriteByte((byte)'\n');
    }
}
