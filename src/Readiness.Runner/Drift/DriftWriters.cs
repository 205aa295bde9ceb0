using System.Globalization;
using System.Net;
using System.Text;
using Readiness.Rules.Model;
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
                "json" => System.Text.Json.JsonSerializer.Serialize(report, ResultsJson.Options) + "\n",
                "md" => Markdown(report),
                "html" => Html(report),
                _ => throw new ArgumentException($"unknown drift format '{format}'"),
            };
            File.WriteAllText(Path.Combine(folder, FileNames[format]), text, new UTF8Encoding(false));
        }
    }

    public static DriftReport Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<DriftReport>(json, ResultsJson.Options) ?? throw new System.Text.Json.JsonException("drift file is empty (null).");

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

    // ---- HTML: one self-contained file (inline style, no scripts, every value escaped) ----

    public static string Html(DriftReport report)
    {
        var h = new StringBuilder();
        var verdictClass = report.Verdict.Status == VerdictStatus.Ready ? "ok" : "bad";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(report.Summary())).Append("</title>\n");
        h.Append("<style>body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;max-width:600px;margin:24px auto;padding:0 16px}")
         // Mail panes are about 600 px wide: fixed table layout and breaking long ARNs keep every table inside.
         .Append("table{border-collapse:collapse;width:100%;max-width:600px;table-layout:fixed;margin:8px 0 24px}th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px;overflow-wrap:anywhere;word-break:break-word}")
         .Append("th{background:#f6f8fa}.ok{color:#1a7f37}.bad{color:#cf222e}.sev{font-weight:600;text-transform:uppercase;font-size:12px}code{font-size:13px}</style>\n</head>\n<body>\n");
        h.Append("<h1>Readiness drift: <span class=\"").Append(verdictClass).Append("\">").Append(E(DriftReport.VerdictLabel(report.Verdict.Status))).Append("</span></h1>\n");
        h.Append("<p>").Append(E(report.Summary())).Append("</p>\n<ul>\n<li>From: ").Append(E(RunLine(report.From))).Append("</li>\n<li>To: ").Append(E(RunLine(report.To))).Append("</li>\n</ul>\n");
        HtmlFindings(h, "new", $"New findings ({report.New.Count})", report.New, "No new findings.");
        HtmlFindings(h, "fixed", $"Fixed findings ({report.Fixed.Count})", report.Fixed, "Nothing was fixed.");
        h.Append("<h2 id=\"expired\">Suppressions that expired (").Append(report.ExpiredSuppressions.Count).Append(")</h2>\n");
        if (report.ExpiredSuppressions.Count == 0) h.Append("<p>None.</p>\n");
        else
        {
            h.Append("<table><tr><th>Rule</th><th>Where</th><th>Owner</th><th>Expired</th><th>Reason</th><th>Entry</th></tr>\n");
            foreach (var e in report.ExpiredSuppressions)
            {
                var s = e.Finding.ExpiredSuppression!;
                h.Append("<tr><td>").Append(E(e.Finding.Finding.RuleId)).Append(e.NewlyExpired ? " (since the last run)" : "").Append("</td><td><code>").Append(E(e.Finding.Finding.Location.Display()))
                 .Append("</code></td><td>").Append(E(s.Owner ?? "unknown")).Append("</td><td>").Append(E(s.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"))
                 .Append("</td><td>").Append(E(s.Reason)).Append("</td><td><code>").Append(E(s.Source)).Append("</code></td></tr>\n");
            }
            h.Append("</table>\n");
        }
        h.Append("<h2 id=\"resources\">Configuration changes of live resources (").Append(report.ResourceChanges.Count).Append(")</h2>\n");
        if (report.ResourceChangesNote is { } note) h.Append("<p>").Append(E(note)).Append("</p>\n");
        else if (report.ResourceChanges.Count == 0) h.Append("<p>None.</p>\n");
        else
        {
            h.Append("<table><tr><th>Resource</th><th>Change</th><th>Attribute</th><th>Before</th><th>After</th></tr>\n");
            foreach (var c in report.ResourceChanges)
                h.Append("<tr><td>").Append(E(c.Kind)).Append(" <code>").Append(E(c.Resource)).Append("</code></td><td>").Append(E(c.Change)).Append("</td><td><code>")
                 .Append(E(c.Attribute ?? "")).Append("</code></td><td><code>").Append(E(c.Before ?? "")).Append("</code></td><td><code>").Append(E(c.After ?? "")).Append("</code></td></tr>\n");
            h.Append("</table>\n");
        }
        h.Append("<p><small>").Append(E($"{report.Tool.Name} {report.Tool.Version}")).Append("</small></p>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void HtmlFindings(StringBuilder h, string id, string title, IReadOnlyList<ResultFinding> findings, string none)
    {
        h.Append("<h2 id=\"").Append(id).Append("\">").Append(E(title)).Append("</h2>\n");
        if (findings.Count == 0)
        {
            h.Append("<p>").Append(E(none)).Append("</p>\n");
            return;
        }
        h.Append("<table><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Finding</th></tr>\n");
        foreach (var f in Ordered(findings))
            h.Append("<tr><td class=\"sev\">").Append(E(f.Finding.Severity.ToName())).Append("</td><td>").Append(E(f.Finding.RuleId)).Append("</td><td><code>")
             .Append(E(f.Finding.Location.Display())).Append("</code></td><td>").Append(E(f.Finding.Message)).Append("</td></tr>\n");
        h.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
