using System.Text;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>
/// summary.md for $GITHUB_STEP_SUMMARY and pull-request comments: the verdict, counts, what could not be looked at,
/// and the top findings. Bounded in size (GitHub takes at most 1 MiB per step summary and 65,536 characters per comment).
/// </summary>
public sealed class MarkdownReporter(int maxChars = MarkdownReporter.DefaultMaxChars) : IReporter
{
    /// <summary>Under GitHub's 65,536-character limit for a pull-request comment, so the same file serves both.</summary>
    public const int DefaultMaxChars = 60_000;
    private const int TopFindings = 50;
    private const int MaxCell = 300;
    // Accounts with problems sort first, so the rows cut for size are the scanned, least blocking ones.
    private const int MaxAccountRows = 100;

    public string Format => "md";
    public string FileName => "summary.md";

    public void Write(ScanResult result, ReportContext context, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false));
        writer.Write(Render(result));
    }

    public string Render(ScanResult result)
    {
        var md = new StringBuilder();
        var icon = result.Verdict.Status switch { VerdictStatus.Ready => "✅", VerdictStatus.NotReady => "❌", _ => "⚠️" };
        md.Append("## ").Append(icon).Append(" Readiness: ").Append(ReportFacts.VerdictTitle(result.Verdict.Status)).Append("\n\n");
        md.Append(Text(ConsoleReporter.VerdictLine(result))).Append("\n\n");
        md.Append("Scanned `").Append(Code(result.Target)).Append("` with ruleset `").Append(Code(result.Ruleset)).Append("` (")
          .Append(result.Rules.Count).Append(" rules), failing on ").Append(ReportFacts.Gate(result)).Append(".\n\n");

        md.Append("| Critical | High | Medium | Low | Info | | Code | IaC | AWS | HTTP |\n|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n|");
        foreach (var severity in ReportFacts.SeveritiesDescending) md.Append(' ').Append(ReportFacts.Count(result, severity)).Append(" |");
        md.Append(" |");
        foreach (var source in ReportFacts.Sources) md.Append(' ').Append(ReportFacts.Count(result, source)).Append(" |");
        md.Append("\n\n");

        if (result.Coverage.Gaps.Count > 0 || result.EngineErrors.Count > 0)
        {
            md.Append("### Could not look\n\n");
            foreach (var gap in result.Coverage.Gaps.Take(20)) md.Append("- ").Append(Text(gap.Display())).Append('\n');
            if (result.Coverage.Gaps.Count > 20) md.Append("- and ").Append(result.Coverage.Gaps.Count - 20).Append(" more (see results.json)\n");
            foreach (var error in result.EngineErrors.Take(20)) md.Append("- Rule ").Append(Text(error.RuleId)).Append(" failed on ").Append(Text(error.Target)).Append(": ").Append(Text(error.Message)).Append('\n');
            md.Append('\n');
        }

        if (ReportFacts.Accounts(result) is { Count: > 0 } accounts)
        {
            md.Append("### Accounts\n\n| Account | Status | Resources | Findings | Blocking | Gaps |\n|---|---|---:|---:|---:|---:|\n");
            foreach (var row in accounts.Take(MaxAccountRows))
                md.Append("| ").Append(Cell(row.Account.Display())).Append(" | ").Append(row.StatusText).Append(" | ").Append(row.Account.Resources)
                  .Append(" | ").Append(row.Findings).Append(" | ").Append(row.Blocking).Append(" | ").Append(row.Gaps).Append(" |\n");
            if (accounts.Count > MaxAccountRows) md.Append("\n").Append(accounts.Count - MaxAccountRows).Append(" more accounts (all scanned, fewer blocking findings) are in report.html and results.json.\n");
            md.Append('\n');
        }

        if (result.HttpTargets is { Count: > 0 } targets)
        {
            md.Append("### HTTP targets\n\n| Target | Grade | Score | Notes |\n|---|---|---:|---|\n");
            foreach (var t in targets)
                md.Append("| ").Append(Cell(t.Url)).Append(" | ").Append(t.Grade ?? "not graded").Append(" | ").Append(t.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")
                  .Append(" | ").Append(Cell(t.Notes())).Append(" |\n");
            md.Append('\n');
        }

        var open = ReportFacts.OpenBySeverity(result);
        var drift = result.Findings.Any(f => f.BaselineState is not null) || result.Fixed.Count > 0;
        if (open.Count > 0)
        {
            md.Append("### Top findings\n\n| Severity | Rule | Where | Finding |\n|---|---|---|---|\n");
            var shown = 0;
            foreach (var f in open.Take(TopFindings))
            {
                var row = new StringBuilder("| ");
                row.Append(f.Finding.Severity.ToName());
                if (f.Blocking) row.Append(" **blocking**");
                if (f.BaselineState == "new") row.Append(" (new)");
                row.Append(" | ").Append(Text(f.Finding.RuleId)).Append(" | ").Append(Cell(Where(f.Finding.Location))).Append(" | ").Append(Cell(f.Finding.Message));
                if (f.Finding.Location.Resource?.Arn is { } arn) row.Append("<br><sub>`").Append(Code(arn)).Append("`</sub>");
                if (f.ExpiredSuppression is { } expired) row.Append(" Suppression expired ").Append(expired.Expires?.ToString("yyyy-MM-dd") ?? "").Append('.');
                row.Append(" |\n");
                if (md.Length + row.Length > maxChars - 2_000) break;
                md.Append(row);
                shown++;
            }
            if (open.Count > shown) md.Append("\n").Append(open.Count - shown).Append(" more findings are in report.html and results.json.\n");
            md.Append('\n');
        }

        var suppressed = result.Findings.Count(f => f.Suppression is not null);
        var expiredCount = result.Findings.Count(f => f.ExpiredSuppression is not null);
        if (suppressed > 0 || expiredCount > 0)
            md.Append(ReportFacts.SuppressedText(suppressed).TrimEnd('.')).Append("; ").Append(English.Count(expiredCount, "suppression")).Append(" expired.\n\n");
        if (drift)
        {
            md.Append("Against the baseline: ").Append(result.Findings.Count(f => f.BaselineState == "new")).Append(" new, ")
              .Append(result.Findings.Count(f => f.BaselineState == "unchanged")).Append(" unchanged, ").Append(result.Fixed.Count).Append(" fixed.\n\n");
        }
        md.Append("<sub>Readiness ").Append(Text(result.Tool.Version)).Append(", ").Append(result.FinishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append("</sub>\n");
        return md.ToString();
    }

    /// <summary>
    /// The short "Where" of the table: the file and line, else the resource's name (its ARN goes under the finding),
    /// else the endpoint; full ARNs in this column pushed the table off the page.
    /// </summary>
    private static string Where(Location location) =>
        location.File?.Display() ?? (location.Resource is { } r ? r.Address ?? r.Id : null) ?? location.Endpoint ?? location.Display();

    /// <summary>Scanned text as inert Markdown: no HTML, no links or emphasis it did not ask for, no control characters, one line.</summary>
    private static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in ConsoleText.Escape(text.ReplaceLineEndings(" ")))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '|': sb.Append("\\|"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '!': sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static string Cell(string text) => Text(text.Length <= MaxCell ? text : text[..(MaxCell - 3)] + "...");

    // Inside a code span only the backtick matters; it is replaced, as code spans cannot escape it.
    private static string Code(string text) => ConsoleText.Escape(text.ReplaceLineEndings(" ")).Replace('`', '\'');
}
