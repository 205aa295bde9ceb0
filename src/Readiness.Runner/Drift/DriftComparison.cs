using Readiness.Runner.Results;

namespace Readiness.Runner.Drift;

/// <summary>Builds the drift between two results (matched by fingerprint) and, when given, two AWS inventories.</summary>
public static class DriftComparison
{
    /// <param name="from">The older results; null on the first run (--allow-missing-from), when everything is new.</param>
    /// <param name="inventories">The two inventories' resources, or a note saying why they could not be compared.</param>
    public static DriftReport Compare(ScanResult? from, string fromSource, ScanResult to, string toSource, (System.Text.Json.Nodes.JsonArray From, System.Text.Json.Nodes.JsonArray To)? inventories, string? inventoryNote)
    {
        var before = (from?.Findings ?? []).ToDictionary(f => f.Finding.Fingerprint, StringComparer.Ordinal);
        var now = to.Findings.Select(f => f.Finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var expired = to.Findings
            .Where(f => f.ExpiredSuppression is not null)
            .Select(f => new ExpiredSuppression(f, before.TryGetValue(f.Finding.Fingerprint, out var old) && old.Suppression is not null))
            .ToList();
        var added = to.Findings.Where(f => f.Suppression is null && !before.ContainsKey(f.Finding.Fingerprint)).Select(Plain).ToList();
        // A fixed finding blocks nothing any more, whatever the older run decided for it.
        var gone = (from?.Findings ?? []).Where(f => !now.Contains(f.Finding.Fingerprint)).Select(f => Plain(f) with { Blocking = false }).ToList();
        return new DriftReport
        {
            From = new DriftRun { Source = fromSource, StartedAt = from?.StartedAt, Target = from?.Target, Status = from?.Verdict.Status, Findings = from?.Findings.Count ?? 0, Missing = from is null },
            To = new DriftRun { Source = toSource, StartedAt = to.StartedAt, Target = to.Target, Status = to.Verdict.Status, Findings = to.Findings.Count },
            Verdict = to.Verdict,
            New = added,
            Fixed = gone,
            Accounts = PerAccount(from, to, added, gone),
            ExpiredSuppressions = expired,
            ResourceChanges = inventories is { } pair ? InventoryDiff.Compare(pair.From, pair.To) : [],
            ResourceChangesNote = inventories is null ? inventoryNote : null,
        };
    }

    /// <summary>A row per account of either run (an account that left the organisation still shows what was fixed there).</summary>
    private static IReadOnlyList<DriftAccount>? PerAccount(ScanResult? from, ScanResult to, List<ResultFinding> added, List<ResultFinding> gone)
    {
        if (to.Accounts is null) return null;
        static string? AccountOf(ResultFinding f) => f.Finding.Location.Resource?.Account;
        var known = to.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var old in from?.Accounts ?? []) known.TryAdd(old.Id, old with { Status = AccountStatus.Missing });
        return known.Values
            .Select(a => new DriftAccount(a.Id, a.Name, a.Status, added.Count(f => AccountOf(f) == a.Id), gone.Count(f => AccountOf(f) == a.Id)))
            .OrderByDescending(a => a.New).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static ResultFinding Plain(ResultFinding f) => f with { BaselineState = null };
}
