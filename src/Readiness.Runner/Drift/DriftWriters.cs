using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HandlebarsDotNet;
using Readiness.Rules.Model;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;

namespace Readiness.Runner.Drift;

/// <summary>drift.json, drift.md and drift.html, rendered from one <see cref="DriftReport"/>; they decide nothing.</summary>
public static class DriftWriters
{
    public static readonly IReadOnlyDictionary<string, string> FileNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = "drift.json",
        ["md"] = "drift.md",
        ["html"] = "drift.html",
    };

    public static void Write(DriftReport report, IEnumerable<string> formats, string folder)
    {
        foreach (var format in formats.Distinct())
        {
            var text = format switch
            {
                "json" => JsonSerializer.Serialize(report, DriftJson) + "\n",
                "md" => Markdown(report),
                "html" => Html(report),
                _ => throw new ArgumentException($"unknown drift format '{format}'"),
            };
            File.WriteAllText(Path.Combine(folder, FileNames[format]), text, new UTF8Encoding(false));
        }
    }

    public static DriftReport Read(string json) =>
        JsonSerializer.Deserialize<DriftReport>(json, DriftJson) ?? throw new JsonException("drift file is empty (null).");

    // results.json's format, less what only the engine needs: a line or column of 0 means "unknown" and is left out,
    // and fingerprintKey is the input of the fingerprint (the fingerprint itself stays).
    private static readonly JsonSerializerOptions DriftJson = new(ResultsJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitInternals } },
    };

    private static void OmitInternals(JsonTypeInfo info)
    {
        if (info.Type == typeof(FileSpan))
            foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(int)))
                property.ShouldSerialize = (_, value) => value is not 0;
        if (info.Type == typeof(Finding))
            foreach (var property in info.Properties.Where(p => p.Name == "fingerprintKey"))
                property.ShouldSerialize = (_, _) => false;
    }

    private static string When(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "unknown time";

    private static string RunLine(DriftRun run) => run.Missing
        ? $"{run.Source} (no previous results: this is the first run, so every finding is new)"
        : $"{run.Source} ({run.Target}, {When(run.StartedAt)}, {run.Findings} findings, {(run.Status is { } s ? DriftReport.VerdictLabel(s) : "unknown")})";

    private static string Expiry(SuppressionInfo s) =>
        $"expired {s.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}, owner {s.Owner ?? "unknown"}, {s.Source}: {s.Reason}";

    // ---- Markdown (also the plain-text part of the email) ----

    public static string Markdown(DriftReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Md(report.Summary())).Append("\n\n");
        md.Append("- From: ").Append(Md(RunLine(report.From))).Append('\n');
        md.Append("- To: ").Append(Md(RunLine(report.To))).Append("\n\n");
        if (report.Accounts is { Count: > 0 } accounts)
        {
            md.Append("## Accounts (").Append(accounts.Count).Append(")\n\n| Account | New | Fixed | Scan |\n|---|---:|---:|---|\n");
            foreach (var a in accounts) md.Append($"| {Md(a.Display())} | {a.New} | {a.Fixed} | {AccountScan(a.Status)} |\n");
            md.Append('\n');
        }
        FindingTable(md, $"New findings ({report.New.Count})", report.New, "No new findings.");
        FindingTable(md, $"Fixed findings ({report.Fixed.Count})", report.Fixed, "Nothing was fixed.");
        md.Append("## Suppressions that expired (").Append(report.ExpiredSuppressions.Count).Append(")\n\n");
        if (report.ExpiredSuppressions.Count == 0) md.Append("None.\n\n");
        else
        {
            md.Append("| Rule | Where | Owner | Expired | Reason | Entry |\n|---|---|---|---|---|---|\n");
            foreach (var e in report.ExpiredSuppressions)
            {
                var s = e.Finding.ExpiredSuppression!;
                md.Append($"| {e.Finding.Finding.RuleId}{(e.NewlyExpired ? " (since the last run)" : "")} | {Md(e.Finding.Finding.Location.Display())} | {Md(s.Owner ?? "unknown")} | {s.Expires:yyyy-MM-dd} | {Md(s.Reason)} | {Md(s.Source)} |\n");
            }
            md.Append('\n');
        }
        md.Append("## Configuration changes of live resources (").Append(report.ResourceChanges.Count).Append(")\n\n");
        if (report.ResourceChangesNote is { } note) md.Append(Md(note)).Append("\n\n");
        else if (report.ResourceChanges.Count == 0) md.Append("None.\n\n");
        else
        {
            foreach (var c in report.ResourceChanges) md.Append("- ").Append(Md(c.Describe())).Append('\n');
            md.Append('\n');
        }
        return md.ToString();
    }

    private static string AccountScan(AccountStatus status) => status == AccountStatus.Missing ? "not in this run" : ReportFacts.StatusText(status);

    private static void FindingTable(StringBuilder md, string title, IReadOnlyList<ResultFinding> findings, string none)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (findings.Count == 0)
        {
            md.Append(none).Append("\n\n");
            return;
        }
        md.Append("| Severity | Rule | Where | Finding |\n|---|---|---|---|\n");
        foreach (var f in Ordered(findings))
            md.Append($"| {f.Finding.Severity.ToName()} | {f.Finding.RuleId} | {Md(f.Finding.Location.Display())} | {Md(f.Finding.Message)} |\n");
        md.Append('\n');
    }

    private static IEnumerable<ResultFinding> Ordered(IEnumerable<ResultFinding> findings) =>
        findings.OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal).ThenBy(f => f.Finding.Location.Display(), StringComparer.Ordinal);

    // Table cells: no pipes or line breaks; no raw HTML when the Markdown is rendered.
    private static string Md(string text) =>
        text.ReplaceLineEndings(" ").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");

    // ---- HTML: one self-contained file (inline style, no scripts), rendered from reports/drift/drift.hbs ----

    // The same Handlebars setup as report.html: {{value}} HTML-escapes every value taken from the scanned data.
    private static readonly Lazy<HandlebarsTemplate<object, object>> Template = new(() =>
        Handlebars.Create().Compile(HtmlReporter.Resource("drift/drift.hbs")));

    public static string Html(DriftReport report) => Template.Value(new
    {
        summary = report.Summary(),
        verdict = DriftReport.VerdictLabel(report.Verdict.Status),
        verdictClass = report.Verdict.Status == VerdictStatus.Ready ? "ok" : "bad",
        from = RunLine(report.From),
        to = RunLine(report.To),
        accounts = report.Accounts?.Select(a => new { account = a.Display(), newCount = a.New, fixedCount = a.Fixed, scan = AccountScan(a.Status) }).ToList(),
        findingTables = new[]
        {
            FindingRows("new", $"New findings ({report.New.Count})", report.New, "No new findings."),
            FindingRows("fixed", $"Fixed findings ({report.Fixed.Count})", report.Fixed, "Nothing was fixed."),
        },
        expiredCount = report.ExpiredSuppressions.Count,
        expired = report.ExpiredSuppressions.Select(e => new
        {
            rule = e.Finding.Finding.RuleId + (e.NewlyExpired ? " (since the last run)" : ""),
            where = e.Finding.Finding.Location.Display(),
            owner = e.Finding.ExpiredSuppression!.Owner ?? "unknown",
            expires = e.Finding.ExpiredSuppression.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?",
            reason = e.Finding.ExpiredSuppression.Reason,
            entry = e.Finding.ExpiredSuppression.Source,
        }).ToList(),
        changesCount = report.ResourceChanges.Count,
        changesNote = report.ResourceChangesNote,
        changes = report.ResourceChanges.Select(c => new { kind = c.Kind, resource = c.Resource, change = c.Change, attribute = c.Attribute, before = c.Before, after = c.After }).ToList(),
        tool = $"{report.Tool.Name} {report.Tool.Version}",
    });

    private static object FindingRows(string id, string title, IReadOnlyList<ResultFinding> findings, string none) => new
    {
        id,
        title,
        none,
        rows = Ordered(findings).Select(f => new
        {
            severity = f.Finding.Severity.ToName(),
            rule = f.Finding.RuleId,
            where = f.Finding.Location.Display(),
            message = f.Finding.Message,
        }).ToList(),
    };
}

