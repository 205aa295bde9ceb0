using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HandlebarsDotNet;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>
/// report.html: one self-contained file (inline CSS and JS, nothing fetched) for the security reviewer. The summary
/// (verdict, counts, blockers, coverage gaps) is rendered by Handlebars from reports/html/report.hbs; the findings are
/// embedded once as JSON and rendered page by page in the browser with DOM text nodes, so 100,000 findings stay usable
/// and no scanned text is ever parsed as markup. A Content-Security-Policy allows only the inline style and script
/// whose hashes it names.
/// </summary>
public sealed class HtmlReporter : IReporter
{
    public string Format => "html";
    public string FileName => "report.html";

    private static readonly Lazy<HandlebarsTemplate<object, object>> Template = new(() =>
        Handlebars.Create().Compile(Resource("html/report.hbs")));
    private static readonly Lazy<string> Css = new(() => Resource("html/report.css"));
    private static readonly Lazy<string> Js = new(() => Resource("html/report.js"));

    // Default encoder: <, >, &, quotes and line separators come out as \uXXXX, so the JSON cannot close its script tag.
    private static readonly JsonSerializerOptions DataJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public void Write(ScanResult result, ReportContext context, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false));
        writer.Write(Render(result, context));
    }

    public static string Render(ScanResult result, ReportContext context)
    {
        var css = Css.Value;
        var js = Js.Value;
        var csp = $"default-src 'none'; style-src '{Sha256(css)}'; script-src '{Sha256(js)}'; img-src data:; base-uri 'none'; form-action 'none'";
        var ruleOrder = RuleOrder(result);
        var model = new
        {
            csp,
            css,
            js,
            data = JsonSerializer.Serialize(Data(result, context, ruleOrder), DataJson),
            verdict = new
            {
                status = result.Verdict.Status.ToString().ToLowerInvariant(),
                title = ReportFacts.VerdictTitle(result.Verdict.Status),
                line = ConsoleReporter.VerdictLine(result),
                reasons = result.Verdict.Reasons,
            },
            target = result.Target,
            ruleset = result.Ruleset,
            rulesCount = result.Rules.Count,
            failOn = ReportFacts.Gate(result),
            finishedAt = result.FinishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            version = result.Tool.Version,
            severities = ReportFacts.SeveritiesDescending.Select(s => new { name = s.ToName(), count = ReportFacts.Count(result, s) }),
            sources = ReportFacts.Sources.Select(s => new { name = s.ToName(), label = ReportFacts.SourceLabel(s), count = ReportFacts.Count(result, s) }),
            blockers = Blockers(result, ruleOrder),
            accounts = ReportFacts.Accounts(result)?.Select(a => new
            {
                id = a.Account.Id,
                label = a.Account.Display(),
                status = a.StatusText,
                ok = a.Account.Status == AccountStatus.Scanned && a.Gaps == 0,
                resources = a.Account.Resources,
                findings = a.Findings,
                blocking = a.Blocking,
                gaps = a.Gaps,
            }).ToList(),
            gaps = result.Coverage.Gaps.Select(g => new { source = ReportFacts.SourceLabel(g.Source), text = g.Display() }),
            engineErrors = result.EngineErrors.Select(e => $"Rule {e.RuleId} failed on {e.Target}: {e.Message}"),
            looked = Looked(result),
            skipped = result.Coverage.Skipped.Take(200).Select(s => $"{s.Scope}: {s.Reason}"),
            skippedCount = result.Coverage.Skipped.Count,
            warnings = result.Warnings.Select(w => $"{w.Source}: {w.Message}"),
            httpTargets = result.HttpTargets?.Select(t => new
            {
                url = t.Url,
                grade = t.Grade ?? "none",
                gradeClass = t.Grade is null ? "none" : t.Grade[..1].ToLowerInvariant(),
                score = t.Score,
                note = string.Join(" ", new[]
                {
                    t.Failure is null ? null : "Could not fetch: " + t.Failure,
                    t.FinalUrl is not null && t.FinalUrl != t.Url ? "Answered at " + t.FinalUrl + "." : null,
                    t.CertificateProblem is null ? null : "Certificate: " + t.CertificateProblem,
                    t.Insecure ? "Certificate checks were turned off (--insecure)." : null,
                }.Where(n => n is not null)),
                failed = t.Tests.Where(x => x.Modifier < 0).OrderBy(x => x.Modifier).Select(x => $"{x.Test} ({x.Modifier}): {x.Description}"),
            }),
            suppressedCount = result.Findings.Count(f => f.Suppression is not null),
            expiredCount = result.Findings.Count(f => f.ExpiredSuppression is not null),
            suppressedText = ReportFacts.SuppressedText(result.Findings.Count(f => f.Suppression is not null)),
            expiredText = English.Count(result.Findings.Count(f => f.ExpiredSuppression is not null), "suppression") + " expired.",
            drift = result.Baseline is null && result.Fixed.Count == 0 && result.Findings.All(f => f.BaselineState is null) ? null : new
            {
                source = result.Baseline?.Source,
                taken = result.Baseline?.StartedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                missing = result.Baseline?.Missing ?? false,
                newCount = result.Findings.Count(f => f.BaselineState == "new" && f.Suppression is null),
                unchangedCount = result.Findings.Count(f => f.BaselineState == "unchanged" && f.Suppression is null),
                fixedCount = result.Fixed.Count,
            },
        };
        return Template.Value(model);
    }

    /// <summary>Rules in reading order: most severe open finding first, then most findings, then id.</summary>
    private static List<RuleSummary> RuleOrder(ScanResult result)
    {
        var open = result.Findings.Where(f => f.Suppression is null).GroupBy(f => f.Finding.RuleId)
            .ToDictionary(g => g.Key, g => (Max: g.Max(f => f.Finding.Severity), Count: g.Count()), StringComparer.Ordinal);
        var known = result.Rules.ToList();
        // Findings of a rule missing from the rule list (an older results.json) still get a group.
        foreach (var id in result.Findings.Select(f => f.Finding.RuleId).Concat(result.Fixed.Select(f => f.Finding.RuleId)).Distinct().Where(id => known.All(r => r.Id != id)))
            known.Add(new RuleSummary { Id = id, Name = id, Title = id, Severity = Severity.Info });
        return known
            .OrderByDescending(r => open.TryGetValue(r.Id, out var o) ? (int)o.Max : -1)
            .ThenByDescending(r => open.TryGetValue(r.Id, out var o) ? o.Count : 0)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<object> Blockers(ScanResult result, List<RuleSummary> ruleOrder)
    {
        var blocking = result.Findings.Where(f => f.Blocking).GroupBy(f => f.Finding.RuleId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return ruleOrder.Where(r => blocking.ContainsKey(r.Id)).Take(10).Select(r =>
        {
            var list = blocking[r.Id];
            return (object)new
            {
                id = r.Id,
                title = r.Title,
                severity = list.Max(f => f.Finding.Severity).ToName(),
                count = list.Count,
                where = list[0].Finding.Location.Display() + (list.Count > 1 ? $" and {list.Count - 1} more" : ""),
            };
        });
    }

    private static List<string> Looked(ScanResult result)
    {
        var counts = result.Coverage.Counts;
        var looked = new List<string>();
        if (counts.TryGetValue("code.files", out var files)) looked.Add($"{files:N0} files");
        foreach (var (key, value) in counts.Where(c => c.Key.EndsWith(".resources", StringComparison.Ordinal)))
            looked.Add($"{value:N0} {ReportFacts.SourceLabel(Enum.TryParse<EvidenceSource>(key.Split('.')[0], true, out var s) ? s : EvidenceSource.Code)} resources");
        if (counts.TryGetValue("http.targets", out var targets)) looked.Add($"{targets:N0} HTTP targets");
        return looked;
    }

    /// <summary>What the page script renders: rules with their long text, and the findings in three lists.</summary>
    private static object Data(ScanResult result, ReportContext context, List<RuleSummary> ruleOrder)
    {
        var index = ruleOrder.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var open = result.Findings.Where(f => f.Suppression is null)
            .OrderBy(f => index[f.Finding.RuleId]).ThenByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.Undecided).ToList();
        return new
        {
            rules = ruleOrder.Select(r =>
            {
                var meta = context.Rule(r.Id);
                return new HtmlRule(r.Id, r.Title, r.Severity.ToName(), r.Tags, Unwrap(meta?.Rationale), Unwrap(meta?.Remediation),
                    meta?.References.Select(x => new HtmlReference(x.Display(), x.Url)).ToList(), r.HelpUri);
            }),
            findings = open.Select(f => Row(result, f, index)),
            suppressed = result.Findings.Where(f => f.Suppression is not null).Select(f => Row(result, f, index)),
            @fixed = result.Fixed.Select(f => Row(result, f, index)),
        };
    }

    private static HtmlFinding Row(ScanResult result, ResultFinding f, Dictionary<string, int> index) => new(
        index[f.Finding.RuleId],
        f.Finding.Severity.ToName(),
        f.Finding.Source.ToName(),
        f.Finding.Message,
        f.Finding.Location.Display(),
        string.IsNullOrEmpty(f.Finding.Snippet) ? null : f.Finding.Snippet,
        f.BaselineState,
        f.Blocking ? true : null,
        f.Finding.Undecided ? true : null,
        f.Suppression is { } s ? Describe(s) : null,
        f.ExpiredSuppression is { } e ? Describe(e) : null,
        // The account filter exists only for results with an account list; other reports stay as they were.
        result.Accounts is null ? null : f.Finding.Location.Resource?.Account ?? "");

    /// <summary>
    /// Joins the hard-wrapped lines of rule text (YAML block scalars) into paragraphs, keeping blank lines, list items
    /// and fenced code blocks as written, so the browser wraps prose to its own width.
    /// </summary>
    public static string? Unwrap(string? text)
    {
        if (text is null) return null;
        var output = new StringBuilder();
        var inFence = false;
        var previousWasProse = false;
        foreach (var line in text.Trim().ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            var fence = trimmed.StartsWith("```", StringComparison.Ordinal);
            var continuation = !inFence && !fence && previousWasProse && trimmed.Length > 0 && !trimmed.StartsWith("- ", StringComparison.Ordinal)
                && !trimmed.StartsWith("* ", StringComparison.Ordinal) && !(trimmed.Length > 1 && char.IsDigit(trimmed[0]) && trimmed[1] == '.');
            if (continuation) output.Append(' ').Append(trimmed);
            else
            {
                if (output.Length > 0) output.Append('\n');
                output.Append(inFence || fence ? line : trimmed);
            }
            if (fence) inFence = !inFence;
            previousWasProse = !inFence && !fence && trimmed.Length > 0;
        }
        return output.ToString();
    }

    private static string Describe(SuppressionInfo s) => ReportFacts.DescribeSuppression(s, " · ");

    // Short property names: the data block is the bulk of the file with many findings.
    private sealed record HtmlFinding(
        [property: System.Text.Json.Serialization.JsonPropertyName("r")] int Rule,
        [property: System.Text.Json.Serialization.JsonPropertyName("s")] string Severity,
        [property: System.Text.Json.Serialization.JsonPropertyName("k")] string Source,
        [property: System.Text.Json.Serialization.JsonPropertyName("m")] string Message,
        [property: System.Text.Json.Serialization.JsonPropertyName("l")] string Location,
        [property: System.Text.Json.Serialization.JsonPropertyName("c")] string? Snippet,
        [property: System.Text.Json.Serialization.JsonPropertyName("b")] string? Baseline,
        [property: System.Text.Json.Serialization.JsonPropertyName("x")] bool? Blocking,
        [property: System.Text.Json.Serialization.JsonPropertyName("u")] bool? Undecided,
        [property: System.Text.Json.Serialization.JsonPropertyName("p")] string? Suppression,
        [property: System.Text.Json.Serialization.JsonPropertyName("e")] string? Expired,
        [property: System.Text.Json.Serialization.JsonPropertyName("a")] string? Account);

    private sealed record HtmlRule(string Id, string Title, string Severity, IReadOnlyList<string> Tags, string? Rationale, string? Remediation,
        IReadOnlyList<HtmlReference>? References, string? HelpUri);

    private sealed record HtmlReference(string Label, string? Url);

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A template or asset embedded from reports/ (report.html and drift.html).</summary>
    internal static string Resource(string name)
    {
        using var stream = typeof(HtmlReporter).Assembly.GetManifestResourceStream("report:" + name)
            ?? throw new InvalidOperationException($"embedded report template {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
