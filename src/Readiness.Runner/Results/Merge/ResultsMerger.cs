using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Runner.Results.Merge;

/// <summary>One shard's results as found at its location, or why they could not be read (then Result is null).</summary>
public sealed record Shard(string Location, ScanResult? Result, string? Error = null, string? AccountHint = null);

/// <summary>
/// A shard not read yet: where it is (as its results are named in gaps and account rows) and how to read it. The merge
/// reads one shard at a time and keeps only what the merged result needs. A read that finds nothing there (no Result,
/// no Error) is not a shard: an expected account it was looked up for is reported missing.
/// </summary>
public sealed record ShardSource(string Location, Func<Shard> Read);

/// <summary>
/// Merges the results of shards (one scan per account, or any split) into one result. Findings, coverage and accounts
/// are combined; what makes the merge untrustworthy becomes a coverage gap naming the shard or account, so the merged
/// verdict is INCOMPLETE, never READY: an expected account without a shard, a shard that failed or could not be read,
/// two shards for one account, a shard from another Readiness version or ruleset. The verdict is decided afterwards,
/// by the same gate as a scan (ScanPipeline.Decide).
/// Shards are streamed in location order: memory holds the shard being read, the merged findings (one per
/// fingerprint, which the reports need) and per shard only its identity and account rows.
/// </summary>
public static class ResultsMerger
{
    public const string ShardCount = "merge.shards";

    /// <summary>A readable shard as the merge remembers it once its findings are folded in.</summary>
    private sealed record Seen(string Location, ShardIdentity Identity, IReadOnlyList<AccountSummary> Accounts, string? DuplicateGapAccount, string? Kept);

    /// <param name="expected">The accounts that must each have exactly one shard (from `accounts --format json`); null when unknown.</param>
    public static ScanResult Merge(IEnumerable<ShardSource> sources, IReadOnlyList<AccountSummary>? expected, string target)
    {
        var brokenGaps = new List<CoverageGap>();
        var failed = new Dictionary<string, AccountSummary>(StringComparer.Ordinal);
        var seen = new List<Seen>();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal); // account -> the shard merged for it
        var coverage = new Coverage();
        var shardGaps = new List<CoverageGap>();
        var findings = new List<ResultFinding>();
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        var engineErrors = new List<EngineError>();
        var warnings = new List<ScanWarning>();
        List<HttpTargetSummary>? httpTargets = null;
        ScanResult? first = null;
        DateTimeOffset? startedAt = null, finishedAt = null;
        var mergedCount = 0;

        foreach (var source in sources.OrderBy(s => s.Location, StringComparer.Ordinal))
        {
            var shard = source.Read();
            if (shard.Result is not { } result)
            {
                if (shard.Error is null) continue;
                brokenGaps.Add(Gap(shard.AccountHint, shard.Location, $"The shard's results could not be read: {shard.Error}; re-run that shard."));
                if (shard.AccountHint is { } hint) failed.TryAdd(hint, new AccountSummary { Id = hint, Status = AccountStatus.Failed, Shard = shard.Location });
                continue;
            }
            var accounts = result.Accounts ?? [];
            // The first shard by location for an account is merged; a later one is named, not mixed in.
            if (accounts.Select(a => a.Id).FirstOrDefault(claimed.ContainsKey) is { } twice)
            {
                seen.Add(new Seen(shard.Location, Identity(result), [], twice, claimed[twice]));
                continue;
            }
            foreach (var account in accounts) claimed[account.Id] = shard.Location;
            seen.Add(new Seen(shard.Location, Identity(result), accounts, null, null));

            mergedCount++;
            first ??= result;
            startedAt = startedAt is { } s && s <= result.StartedAt ? s : result.StartedAt;
            finishedAt = finishedAt is { } f && f >= result.FinishedAt ? f : result.FinishedAt;
            foreach (var (key, value) in result.Coverage.Counts) coverage.Count(key, value);
            foreach (var skip in result.Coverage.Skipped.Distinct()) coverage.AddSkip(skip);
            shardGaps.AddRange(result.Coverage.Gaps);
            // Shards that scanned the same code report the same code findings, with the same fingerprints: kept once.
            // Live findings carry their account in the ARN, so they never collide across accounts.
            foreach (var finding in result.Findings)
                if (fingerprints.Add(finding.Finding.Fingerprint)) findings.Add(finding with { BaselineState = null, Blocking = false });
            engineErrors.AddRange(result.EngineErrors);
            warnings.AddRange(result.Warnings);
            if (result.HttpTargets is { } targets) (httpTargets ??= []).AddRange(targets);
        }

        var gaps = new List<CoverageGap>(brokenGaps);
        if (seen.Count == 0)
            gaps.Add(new CoverageGap(EvidenceSource.Aws, "merge", "No shard results could be read, so nothing was merged."));

        // The version and ruleset most shards share are the reference; the others are named, never silently mixed.
        var reference = seen.GroupBy(s => s.Identity).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var rows = new Dictionary<string, AccountSummary>(StringComparer.Ordinal);
        foreach (var shard in seen)
        {
            if (shard.DuplicateGapAccount is { } twice)
            {
                gaps.Add(Gap(twice, shard.Location, $"Two shards cover account {twice} ({shard.Kept} and {shard.Location}); only the first is merged. Remove the extra shard or re-run the merge on one run's folder."));
                continue;
            }
            var mismatched = shard.Identity != reference;
            if (mismatched)
                gaps.Add(new CoverageGap(EvidenceSource.Aws, shard.Location,
                    $"The shard was made by {Describe(shard.Identity)}, the others by {Describe(reference!)}; its findings are not comparable. Re-run it with the same Readiness version and ruleset."));
            foreach (var account in shard.Accounts)
                rows[account.Id] = account with { Shard = shard.Location, Status = mismatched && account.Status == AccountStatus.Scanned ? AccountStatus.Mismatched : account.Status };
        }
        foreach (var twice in seen.Select(s => s.DuplicateGapAccount).OfType<string>()) rows[twice] = rows[twice] with { Status = AccountStatus.Duplicate };
        // A shard that could not be read names its account, unless another shard of that account was merged.
        foreach (var (id, row) in failed) rows.TryAdd(id, row);

        foreach (var account in expected ?? [])
        {
            if (rows.TryGetValue(account.Id, out var found))
            {
                if (found.Name is null && account.Name is { Length: > 0 }) rows[account.Id] = found with { Name = account.Name };
                continue;
            }
            rows[account.Id] = account with { Status = AccountStatus.Missing };
            gaps.Add(Gap(account.Id, null, $"No shard results for account {account.Display()}: its scan never uploaded results.json. Re-run that shard."));
        }

        coverage.Count(ShardCount, mergedCount);
        foreach (var gap in shardGaps.Concat(gaps).Distinct()) coverage.AddGap(gap);
        var report = CoverageReport.From(coverage);
        // The same file skipped in every shard is one skip.
        report = report with { Skipped = report.Skipped.Distinct().ToList() };

        return new ScanResult
        {
            StartedAt = startedAt ?? DateTimeOffset.UtcNow,
            FinishedAt = finishedAt ?? DateTimeOffset.UtcNow,
            Target = target,
            Ruleset = first?.Ruleset ?? "",
            Verdict = new Verdict { Status = VerdictStatus.Ready },
            Rules = first?.Rules ?? [],
            Findings = Order(findings),
            Coverage = report,
            EngineErrors = engineErrors.Distinct().ToList(),
            HttpTargets = httpTargets?.DistinctBy(t => t.Url).OrderBy(t => t.Url, StringComparer.Ordinal).ToList(),
            Warnings = warnings.Distinct().ToList(),
            Accounts = rows.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The engine's order (rule, then place), so a merge lists findings as one scan of every account would.</summary>
    private static List<ResultFinding> Order(List<ResultFinding> findings) =>
        findings
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
