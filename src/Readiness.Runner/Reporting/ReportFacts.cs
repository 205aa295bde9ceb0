using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>The figures every human-facing report shows the same way: verdict wording, counts by severity and by source.</summary>
public static class ReportFacts
{
    public static readonly Severity[] SeveritiesDescending = Enum.GetValues<Severity>().OrderDescending().ToArray();
    public static readonly EvidenceSource[] Sources = Enum.GetValues<EvidenceSource>();

    public static string SourceLabel(EvidenceSource source) => source switch
    {
        EvidenceSource.Code => "Code",
        EvidenceSource.Iac => "IaC",
        EvidenceSource.Aws => "AWS",
        _ => "HTTP",
    };

    public static string VerdictTitle(VerdictStatus status) => status switch
    {
        VerdictStatus.Ready => "READY",
        VerdictStatus.NotReady => "NOT READY",
        VerdictStatus.Incomplete => "INCOMPLETE",
        _ => "SCAN FAILED",
    };

    /// <summary>Open findings (not suppressed), most severe first, blocking before the rest, in engine order otherwise.</summary>
    public static List<ResultFinding> OpenBySeverity(ScanResult result) =>
        result.Findings.Where(f => f.Suppression is null).OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.Undecided).ToList();

    /// <summary>What blocks, as words: "high and above", "new findings at high and above", "nothing (--fail-on none)".</summary>
    public static string Gate(ScanResult result) => result.FailOn switch
    {
        null => "nothing (--fail-on none)",
        { } s when result.FailOnNew => $"new findings at {s.ToName()} and above",
        { } s => $"{s.ToName()} and above",
    };

    public static int Count(ScanResult result, Severity severity) => result.Findings.Count(f => f.Suppression is null && f.Finding.Severity == severity);

    public static int Count(ScanResult result, EvidenceSource source) => result.Findings.Count(f => f.Suppression is null && f.Finding.Source == source);

    /// <summary>"1 finding suppressed as an accepted risk.", "3 findings suppressed as accepted risks."</summary>
    public static string SuppressedText(int n) => $"{English.Count(n, "finding")} suppressed as {English.Verb(n, "an accepted risk", "accepted risks")}.";

    /// <summary>Who accepted a risk, why and until when, in one line: "reason; owner x; expires d; ticket t; at source".</summary>
    public static string DescribeSuppression(SuppressionInfo s, string separator = "; ")
    {
        var parts = new List<string> { s.Reason.TrimEnd('.') };
        if (s.Owner is not null) parts.Add("owner " + s.Owner);
        if (s.Expires is { } expires) parts.Add("expires " + expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (s.Ticket is not null) parts.Add("ticket " + s.Ticket);
        parts.Add("at " + s.Source);
        return string.Join(separator, parts);
    }
}
