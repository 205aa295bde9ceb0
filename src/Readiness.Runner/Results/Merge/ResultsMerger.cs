using Readiness.Rules.Model;

namespace Readiness.Runner.Results.Merge;

/// <summary>One shard's results as found at its location, or why they could not be read (then Result is null).</summary>
public sealed record Shard(string Location, ScanResult? Result, string? Error = null, string? AccountHint = null);

/// <summary>
/// Merges the results of shards (one scan per account, or any split) into one result. Findings, coverage and accounts
/// are combined; what makes the merge untrustworthy becomes a coverage gap naming the shard or account, so the merged
/// verdict is INCOMPLETE, never READY: an expected account without a shard, a shard that failed or could not be read,
/// two shards for one account, a shard from another Readiness version or ruleset. The verdict is decided afterwards,
/// by the same gate as a scan (ScanPipeline.Decide).
/// </summary>
public static class ResultsMerger
{
    public const string ShardCount = "merge.shards";

    /// <param name="expected">The accounts that must each have exactly one shard (from `accounts --format json`); null when unknown.</param>
    public static ScanResult Merge(IReadOnlyList<Shard> shards, IReadOnlyList<AccountSummary>? expected, string target)
    {
        var gaps = new List<CoverageGap>();
        var accounts = new Dictionary<string, AccountSummary>(StringComparer.Ordinal);
        var ordered = shards.OrderBy(s => s.Location, StringComparer.Ordinal).ToList();
        var readable = ordered.Where(s => s.Result is not null).ToList();

        foreach (var broken in ordered.Where(s => s.Result is null))
        {
            gaps.Add(Gap(broken.AccountHint, broken.Location, $"The shard's results could not be read: {broken.Error}; re-run that shard."));
            if (broken.AccountHint is { } hint) accounts.TryAdd(hint, new AccountSummary { Id = hint, Status = AccountStatus.Failed, Shard = broken.Location });
        }
        if (readable.Count == 0)
            gaps.Add(new CoverageGap(EvidenceSource.Aws, "merge", "No shard results could be read, so nothing was merged."));

        // The version and ruleset most shards share are the reference; the others are named, never silently mixed.
        var reference = readable.GroupBy(s => Identity(s.Result!)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var merged = new List<Shard>();
        foreach (var shard in readable)
        {
            var result = shard.Result!;
            var ids = (result.Accounts ?? []).Select(a => a.Id).ToList();
            if (ids.FirstOrDefault(accounts.ContainsKey) is { } twice && accounts[twice].Shard is { } kept)
            {
                gaps.Add(Gap(twice, shard.Location, $"Two shards cover account {twice} ({kept} and {shard.Location}); only the first is merged. Remove the extra shard or re-run the merge on one run's folder."));
                accounts[twice] = accounts[twice] with { Status = AccountStatus.Duplicate };
                continue;
            }
            var mismatched = Identity(result) != reference;
            if (mismatched)
                gaps.Add(new CoverageGap(EvidenceSource.Aws, shard.Location,
                    $"The shard was made by {Describe(Identity(result))}, the others by {Describe(reference!)}; its findings are not comparable. Re-run it with the same Readiness version and ruleset."));
            foreach (var account in result.Accounts ?? [])
                accounts[account.Id] = account with { Shard = shard.Location, Status = mismatched && account.Status == AccountStatus.Scanned ? AccountStatus.Mismatched : account.Status };
            merged.Add(shard);
        }

        foreach (var account in expected ?? [])
        {
            if (accounts.TryGetValue(account.Id, out var found))
            {
                if (found.Name is null && account.Name is { Length: > 0 }) accounts[account.Id] = found with { Name = account.Name };
                continue;
            }
            accounts[account.Id] = account with { Status = AccountStatus.Missing };
            gaps.Add(Gap(account.Id, null, $"No shard results for account {account.Display()}: its scan never uploaded results.json. Re-run that shard."));
        }

        var results = merged.Select(s => s.Result!).ToList();
        var coverage = new Coverage();
        foreach (var r in results)
        {
            foreach (var (key, value) in r.Coverage.Counts) coverage.Count(key, value);
            foreach (var skip in r.Coverage.Skipped.Distinct()) coverage.AddSkip(skip);
        }
        coverage.Count(ShardCount, merged.Count);
        foreach (var gap in results.SelectMany(r => r.Coverage.Gaps).Concat(gaps).Distinct()) coverage.AddGap(gap);
        var report = CoverageReport.From(coverage);
        // The same file skipped in every shard is one skip.
        report = report with { Skipped = report.Skipped.Distinct().ToList() };

        var first = results.FirstOrDefault();
        return new ScanResult
        {
            StartedAt = results.Count == 0 ? DateTimeOffset.UtcNow : results.Min(r => r.StartedAt),
            FinishedAt = results.Count == 0 ? DateTimeOffset.UtcNow : results.Max(r => r.FinishedAt),
            Target = target,
            Ruleset = first?.Ruleset ?? "",
            Verdict = new Verdict { Status = VerdictStatus.Ready },
            Rules = first?.Rules ?? [],
            // Shards that scanned the same code report the same code findings, with the same fingerprints: kept once.
            // Live findings carry their account in the ARN, so they never collide across accounts.
            Findings = Order(results.SelectMany(r => r.Findings).DistinctBy(f => f.Finding.Fingerprint)),
            Coverage = report,
            EngineErrors = results.SelectMany(r => r.EngineErrors).Distinct().ToList(),
            HttpTargets = results.Any(r => r.HttpTargets is not null)
                ? results.SelectMany(r => r.HttpTargets ?? []).DistinctBy(t => t.Url).OrderBy(t => t.Url, StringComparer.Ordinal).ToList()
                : null,
            Warnings = results.SelectMany(r => r.Warnings).Distinct().ToList(),
            Accounts = accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The engine's order (rule, then place), so a merge lists findings as one scan of every account would.</summary>
    public static IReadOnlyList<ResultFinding> Order(IEnumerable<ResultFinding> findings) =>
        findings.Select(f => f with { BaselineState = null, Blocking = false })
            .OrderBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Location.Display(), StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Fingerprint, StringComparer.Ordinal)
            .ToList();

    private static CoverageGap Gap(string? account, string? location, string reason) =>
        new(EvidenceSource.Aws, account is null ? location ?? "merge" : $"aws/{account}/shard", reason);

    /// <summary>What must agree between shards for their findings to be comparable.</summary>
    private sealed record ShardIdentity(string Version, int Schema, string Ruleset, string Rules);

    private static ShardIdentity Identity(ScanResult r) =>
        new(r.Tool.Version, r.SchemaVersion, r.Ruleset, string.Join(",", r.Rules.Select(x => $"{x.Id}:{x.Severity}").Order(StringComparer.Ordinal)));

    private static string Describe(ShardIdentity i) =>
        $"readiness {i.Version} (results schema {i.Schema}) with ruleset {i.Ruleset} ({i.Rules.Split(',', StringSplitOptions.RemoveEmptyEntries).Length} rules)";
}
