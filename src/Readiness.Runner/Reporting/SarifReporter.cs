using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run per category (code and IaC, live AWS, HTTP) so each upload replaces a
/// category that was rescanned whole; repo-relative paths only (cloud and HTTP findings without a file get a stable
/// synthetic path); our own stable fingerprints; suppressed findings left out unless asked for, because GitHub ignores
/// SARIF suppressions and would open them as alerts; trimmed to GitHub's upload limits, most severe first, with a warning.
/// </summary>
public sealed class SarifReporter(int maxResultsPerRun = SarifReporter.GitHubMaxResultsPerRun, long maxGzippedBytes = SarifReporter.GitHubMaxGzippedBytes) : IReporter
{
    /// <summary>GitHub rejects a run with more results than this.</summary>
    public const int GitHubMaxResultsPerRun = 25_000;

    /// <summary>GitHub rejects an upload larger than 10 MB once gzipped (counted in decimal megabytes to stay clear of it).</summary>
    public const long GitHubMaxGzippedBytes = 10_000_000;

    /// <summary>GitHub reads at most 20 tags of a rule.</summary>
    private const int MaxTags = 20;

    /// <summary>
    /// The tool's home page, which the SARIF validator's Ghas rules require. The project has no published home yet:
    /// this is the intended repository address, to be changed in this one place when it is published.
    /// </summary>
    public const string InformationUri = "https://github.com/readiness-scanner/readiness";

    public string Format => "sarif";
    public string FileName => "results.sarif";

    private sealed record Category(string Id, Func<EvidenceSource, bool> Includes, string[] RuleTags, string CountPrefix);

    private static readonly Category[] Categories =
    [
        new("readiness/code", s => s is EvidenceSource.Code or EvidenceSource.Iac, ["code", "iac"], ""),
        new("readiness/aws", s => s == EvidenceSource.Aws, ["aws"], "aws."),
        new("readiness/http", s => s == EvidenceSource.Http, ["http"], "http."),
    ];

    private sealed record PlannedRun(Category Category, IReadOnlyList<ResultFinding> Findings, IReadOnlyList<CoverageGap> Gaps);

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(ScanResult result, ReportContext context, Stream output)
    {
        var runs = Plan(result, context);
        var limit = maxResultsPerRun;
        var bytes = Render(result, context, runs, limit);
        for (var gzipped = GzippedSize(bytes); gzipped > maxGzippedBytes && limit > 0; gzipped = GzippedSize(bytes))
        {
            // Shrink the largest run in proportion to the excess, with a margin, until the file fits.
            var largest = runs.Max(r => Math.Min(r.Findings.Count, limit));
            limit = (int)(largest * (double)maxGzippedBytes / gzipped * 0.9);
            bytes = Render(result, context, runs, limit);
        }
        foreach (var run in runs.Where(r => r.Findings.Count > limit))
        {
            context.Warnings.WriteLine(
                $"readiness: warning: results.sarif keeps the {limit:N0} most severe of {run.Findings.Count:N0} results in category " +
                $"{run.Category.Id} to stay within GitHub's upload limits ({GitHubMaxResultsPerRun:N0} results per run, 10 MB gzipped); " +
                "results.json and report.html have them all.");
        }
        output.Write(bytes);
    }

    private static List<PlannedRun> Plan(ScanResult result, ReportContext context)
    {
        var runs = new List<PlannedRun>();
        foreach (var category in Categories)
        {
            var findings = result.Findings
                .Where(f => category.Includes(f.Finding.Source) && (f.Suppression is null || context.SarifIncludeSuppressed))
                .ToList();
            var gaps = result.Coverage.Gaps.Where(g => category.Includes(g.Source)).ToList();
            var scanned = category.CountPrefix.Length == 0 || findings.Count > 0 || gaps.Count > 0
                || result.Coverage.Counts.Keys.Any(k => k.StartsWith(category.CountPrefix, StringComparison.Ordinal));
            if (scanned) runs.Add(new PlannedRun(category, findings, gaps));
        }
        return runs;
    }

    private static byte[] Render(ScanResult result, ReportContext context, List<PlannedRun> runs, int limit)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            foreach (var run in runs) WriteRun(json, result, context, run, MostSevere(run.Findings, limit));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The findings to keep under a limit: the most severe ones, in their original (engine) order.</summary>
    private static IReadOnlyList<ResultFinding> MostSevere(IReadOnlyList<ResultFinding> findings, int limit)
    {
        if (findings.Count <= limit) return findings;
        return findings.Select((f, i) => (f, i))
            .OrderByDescending(x => x.f.Finding.Severity)
            .Take(Math.Max(limit, 0))
            .OrderBy(x => x.i)
            .Select(x => x.f)
            .ToList();
    }

    private static long GzippedSize(byte[] bytes)
    {
        using var counter = new MemoryStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return counter.Length;
    }

    private static void WriteRun(Utf8JsonWriter json, ScanResult result, ReportContext context, PlannedRun run, IReadOnlyList<ResultFinding> findings)
    {
        // A run declares the rules of its own evidence sources, plus any rule that reported in it.
        var reporting = findings.Select(f => f.Finding.RuleId).ToHashSet(StringComparer.Ordinal);
        var rules = result.Rules.Where(r => reporting.Contains(r.Id) || r.Tags.Any(t => run.Category.RuleTags.Contains(t))).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Readiness");
        json.WriteString("version", result.Tool.Version);
        json.WriteString("semanticVersion", result.Tool.Version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(json, rule, context.Rule(rule.Id));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("automationDetails");
        json.WriteString("id", run.Category.Id + "/");
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", result.Verdict.Status is VerdictStatus.Ready or VerdictStatus.NotReady);
        if (run.Gaps.Count > 0)
        {
            // What could not be looked at, so an empty run is not read as "all clear".
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var gap in run.Gaps)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                WriteText(json, "message", $"Could not look at {gap.Display()}".TrimEnd('.') + ".");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var f in findings) WriteResult(json, f, ruleIndex, context);
        json.WriteEndArray();

        if (findings.Count < run.Findings.Count)
        {
            json.WriteStartObject("properties");
            json.WriteNumber("readinessTotalResults", run.Findings.Count);
            json.WriteNumber("readinessWrittenResults", findings.Count);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleSummary rule, RuleMetadata? metadata)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        WriteText(json, "shortDescription", rule.Title);
        WriteText(json, "fullDescription", metadata is null ? rule.Title : FirstParagraph(metadata.Rationale));
        json.WriteStartObject("help");
        json.WriteString("text", metadata is null ? rule.Title : $"{metadata.Rationale.Trim()}\n\nRemediation:\n{metadata.Remediation.Trim()}");
        json.WriteString("markdown", metadata is null ? rule.Title : HelpMarkdown(metadata));
        json.WriteEndObject();
        if (rule.HelpUri is not null && Uri.IsWellFormedUriString(rule.HelpUri, UriKind.Absolute)) json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        foreach (var tag in rule.Tags.Where(t => t != "security").Take(MaxTags - 1)) json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("security-severity", SecuritySeverity(rule.Severity));
        json.WriteString("precision", "high");
        json.WriteString("problem.severity", rule.Severity >= Severity.High ? "error" : rule.Severity == Severity.Medium ? "warning" : "recommendation");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The places a value travelled through (a module argument, the attribute that reads a tfvars value).
    private static void WriteRelatedLocations(Utf8JsonWriter json, Location location, ReportContext context)
    {
        if (location.Related is not { Count: > 0 } related) return;
        json.WriteStartArray("relatedLocations");
        for (var i = 0; i < related.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("id", i + 1);
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", context.ArtifactUri(new Location { File = related[i].File }));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(related[i].File.StartLine, 1));
            if (related[i].File.StartColumn > 0) json.WriteNumber("startColumn", related[i].File.StartColumn);
            json.WriteEndObject();
            json.WriteEndObject();
            WriteText(json, "message", related[i].Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, ResultFinding result, Dictionary<string, int> ruleIndex, ReportContext context)
    {
        var finding = result.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index)) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", finding.Undecided ? "note" : Level(finding.Severity));
        WriteText(json, "message", PlainMessage(finding));

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", context.ArtifactUri(finding.Location));
        json.WriteEndObject();
        json.WriteStartObject("region");
        var file = finding.Location.File;
        var startLine = Math.Max(file?.StartLine ?? 1, 1);
        json.WriteNumber("startLine", startLine);
        if (file is not null && file.EndLine > startLine) json.WriteNumber("endLine", file.EndLine);
        if (file is not null && file.StartColumn > 0) json.WriteNumber("startColumn", file.StartColumn);
        if (file is not null && file.StartColumn > 0 && file.EndColumn > file.StartColumn && file.EndLine <= startLine) json.WriteNumber("endColumn", file.EndColumn);
        if (!string.IsNullOrEmpty(finding.Snippet))
        {
            json.WriteStartObject("snippet");
            json.WriteString("text", finding.Snippet);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        if (finding.Location.Resource is { } resource)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", resource.Id);
            json.WriteString("fullyQualifiedName", resource.Arn ?? resource.Address ?? resource.SyntheticPath());
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
        WriteRelatedLocations(json, finding.Location, context);

        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", finding.Fingerprint);
        json.WriteEndObject();

        if (result.BaselineState is "new" or "unchanged") json.WriteString("baselineState", result.BaselineState);

        if (result.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == "inline" ? "inSource" : "external");
            json.WriteString("status", "accepted");
            json.WriteString("justification", Justification(suppression));
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("source", finding.Source.ToName());
        if (finding.Undecided) json.WriteBoolean("undecided", true);
        if (finding.Location.Resource is { } r)
        {
            if (r.Arn is not null) json.WriteString("arn", r.Arn);
            if (r.Address is not null) json.WriteString("address", r.Address);
            if (r.Account is not null) json.WriteString("account", r.Account);
            if (r.Region is not null) json.WriteString("region", r.Region);
            json.WriteString("resourceType", $"{r.Service}/{r.Type}");
            if (finding.Location.Field is not null) json.WriteString("apiField", finding.Location.Field);
        }
        if (finding.Location.Endpoint is not null) json.WriteString("endpoint", finding.Location.Endpoint);
        if (result.ExpiredSuppression is { } expired) json.WriteString("expiredSuppression", Justification(expired));
        foreach (var (key, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// GitHub shows message.text as plain text: one sentence (or a few) ending with a period, naming the resource by ARN
    /// or the endpoint when the location cannot (a synthetic path is not something a reader can open).
    /// </summary>
    private static string PlainMessage(Finding finding)
    {
        var message = finding.Message.ReplaceLineEndings(" ").Trim();
        if (!message.EndsWith('.')) message += ".";
        if (finding.Location.Resource?.Arn is { } arn && !message.Contains(arn, StringComparison.Ordinal)) message += $" Resource: {arn}.";
        if (finding.Location.File is null && finding.Location.Endpoint is { } endpoint && !message.Contains(endpoint, StringComparison.Ordinal))
            message += $" Endpoint: {endpoint}.";
        return message;
    }

    private static string Justification(SuppressionInfo s) => ReportFacts.DescribeSuppression(s) + ".";

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string HelpMarkdown(RuleMetadata m)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(m.Title).Append("**\n\n").Append(m.Rationale.Trim()).Append("\n\n## Remediation\n\n").Append(m.Remediation.Trim()).Append('\n');
        if (m.References.Count > 0)
        {
            sb.Append("\n## References\n\n");
            foreach (var r in m.References) sb.Append("- ").Append(r.Url is null ? r.Display() : $"[{r.Display()}]({r.Url})").Append('\n');
        }
        return sb.ToString();
    }

    private static string FirstParagraph(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf("\n\n", StringComparison.Ordinal);
        var paragraph = (end < 0 ? trimmed : trimmed[..end]).Replace('\n', ' ');
        return paragraph.EndsWith('.') ? paragraph : paragraph + ".";
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub's numeric security severity: critical 9.5, high 8.0, medium 5.5, low 3.0 (info 0.0).</summary>
    public static string SecuritySeverity(Severity severity) => (severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 3.0,
        _ => 0.0,
    }).ToString("0.0", CultureInfo.InvariantCulture);
}
