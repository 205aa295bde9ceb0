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

    /// <summary>One account of an organisation scan or merge, with its open and blocking findings and its gaps.</summary>
    public sealed record AccountRow(AccountSummary Account, int Findings, int Blocking, int Gaps)
    {
        public string StatusText => ReportFacts.StatusText(Account.Status);
    }

    public static string StatusText(AccountStatus status) => status switch
    {
        AccountStatus.Scanned => "scanned",
        AccountStatus.RoleNotAssumed => "role not assumed",
        AccountStatus.Failed => "failed",
        AccountStatus.Missing => "no shard",
        AccountStatus.Duplicate => "two shards",
        _ => "other version or ruleset",
    };

    /// <summary>
    /// A row per account (null when the result has no account list): accounts that were not fully looked at first, then
    /// the most blocking findings. A finding belongs to the account of its resource; a gap to the account its scope names.
    /// </summary>
    public static List<AccountRow>? Accounts(ScanResult result)
    {
        if (result.Accounts is null) return null;
        var open = result.Findings.Where(f => f.Suppression is null && f.Finding.Location.Resource?.Account is not null)
            .GroupBy(f => f.Finding.Location.Resource!.Account!).ToDictionary(g => g.Key, g => (All: g.Count(), Blocking: g.Count(f => f.Blocking)), StringComparer.Ordinal);
        return result.Accounts.Select(a => new AccountRow(a,
                open.GetValueOrDefault(a.Id).All,
                open.GetValueOrDefault(a.Id).Blocking,
                result.Coverage.Gaps.Count(g => g.Scope.StartsWith($"aws/{a.Id}/", StringComparison.Ordinal) || g.Scope.Contains($":{a.Id}:", StringComparison.Ordinal))))
            .OrderBy(r => r.Account.Status == AccountStatus.Scanned && r.Gaps == 0)
            .ThenByDescending(r => r.Blocking)
            .ThenBy(r => r.Account.Id, StringComparer.Ordinal)
            .ToList();
    }

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
