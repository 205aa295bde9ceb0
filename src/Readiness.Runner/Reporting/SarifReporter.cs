using System.Globalization;
using System.Text;
using System.Text.Json;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run per category (code and IaC, live AWS, HTTP) so each upload replaces a
/// category that was rescanned whole; repo-relative paths only (cloud and HTTP findings without a file get a stable
/// synthetic path); our own stable fingerprints; suppressed findings left out, because GitHub ignores SARIF
/// suppressions and would open them as alerts.
/// </summary>
public sealed class SarifReporter : IReporter
{
    public string Format => "sarif";
    public string FileName => "results.sarif";

    private static readonly (string Category, Func<EvidenceSource, bool> Includes, string CountPrefix)[] Categories =
    [
        ("readiness/code", s => s is EvidenceSource.Code or EvidenceSource.Iac, ""),
        ("readiness/aws", s => s == EvidenceSource.Aws, "aws."),
        ("readiness/http", s => s == EvidenceSource.Http, "http."),
    ];

    public void Write(ScanResult result, ReportContext context, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        foreach (var (category, includes, countPrefix) in Categories)
        {
            var findings = result.Findings.Where(f => f.Suppression is null && includes(f.Finding.Source)).ToList();
            var scanned = countPrefix.Length == 0 || findings.Count > 0 || result.Coverage.Counts.Keys.Any(k => k.StartsWith(countPrefix, StringComparison.Ordinal));
            if (scanned) WriteRun(json, result, context, category, findings);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, ScanResult result, ReportContext context, string category, List<ResultFinding> findings)
    {
        var rules = result.Rules.ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Readiness");
        json.WriteString("version", result.Tool.Version);
        json.WriteString("semanticVersion", result.Tool.Version);
        json.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(json, rule, context.Rule(rule.Id));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("automationDetails");
        json.WriteString("id", category + "/");
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", result.Verdict.Status is VerdictStatus.Ready or VerdictStatus.NotReady);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var f in findings) WriteResult(json, f.Finding, ruleIndex, context);
        json.WriteEndArray();
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
        if (rule.HelpUri is not null) json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        foreach (var tag in rule.Tags.Where(t => t != "security")) json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("security-severity", SecuritySeverity(rule.Severity));
        json.WriteString("precision", "high");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex, ReportContext context)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index)) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(finding.Severity));
        var message = finding.Message;
        if (finding.Location.File is null && finding.Location.Resource?.Arn is { } arn && !message.Contains(arn, StringComparison.Ordinal))
            message += $" Resource: {arn}.";
        WriteText(json, "message", message);

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", context.ArtifactUri(finding.Location));
        json.WriteEndObject();
        json.WriteStartObject("region");
        var file = finding.Location.File;
        json.WriteNumber("startLine", Math.Max(file?.StartLine ?? 1, 1));
        if (file is not null && file.EndLine > file.StartLine) json.WriteNumber("endLine", file.EndLine);
        if (file is not null && file.StartColumn > 0) json.WriteNumber("startColumn", file.StartColumn);
        if (finding.Snippet is not null)
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

        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", finding.Fingerprint);
        json.WriteEndObject();

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
        }
        if (finding.Location.Endpoint is not null) json.WriteString("endpoint", finding.Location.Endpoint);
        foreach (var (key, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

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
