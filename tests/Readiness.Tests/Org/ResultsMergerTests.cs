using Readiness.Runner.Results;
using Readiness.Runner.Results.Merge;
using Readiness.Tests.Support;

namespace Readiness.Tests.Org;

/// <summary>The merge streams its shards: each is read once, in location order, and the first for an account is merged.</summary>
public sealed class ResultsMergerTests
{
    private static ScanResult ShardOf(string account) =>
        SyntheticResults.Create() with { Accounts = [new AccountSummary { Id = account, Status = AccountStatus.Scanned }] };

    [Fact]
    public void Each_shard_is_read_once_in_location_order_and_the_first_for_an_account_is_merged()
    {
        var reads = new List<string>();
        ShardSource Source(string location, ScanResult? result, string? error = null) =>
            new(location, () => { reads.Add(location); return new Shard(location, result, error); });
        var sources = new[]
        {
            Source("run/222222222222/results.json", ShardOf("222222222222")),
            Source("run/111111111111/results.json", ShardOf("111111111111")),
            Source("run/111111111111-retry/results.json", ShardOf("111111111111")),
            Source("run/333333333333/results.json", null, "not a readiness results file: truncated"),
            Source("run/444444444444/results.json", null),
        };

        var merged = ResultsMerger.Merge(sources, null, "run");

        // "-" sorts before "/": the retry folder's results are the first for account 1111.
        reads.ShouldBe(["run/111111111111-retry/results.json", "run/111111111111/results.json", "run/222222222222/results.json",
            "run/333333333333/results.json", "run/444444444444/results.json"]);
        merged.Accounts!.Select(a => (a.Id, a.Status, a.Shard)).ShouldBe([
            ("111111111111", AccountStatus.Duplicate, "run/111111111111-retry/results.json"),
            ("222222222222", AccountStatus.Scanned, "run/222222222222/results.json"),
        ]);
        merged.Coverage.Counts[ResultsMerger.ShardCount].ShouldBe(2);
        merged.Coverage.Gaps.ShouldContain(g => g.Scope == "aws/111111111111/shard" && g.Reason.Contains("(run/111111111111-retry/results.json and run/111111111111/results.json)"));
        merged.Coverage.Gaps.ShouldContain(g => g.Scope == "run/333333333333/results.json" && g.Reason.StartsWith("The shard's results could not be read: not a readiness results file: truncated"));
        // Both merged shards hold the same synthetic findings (same fingerprints): each is kept once.
        merged.Findings.Count.ShouldBe(SyntheticResults.Create().Findings.Count);
        merged.Findings.ShouldAllBe(f => !f.Blocking && f.BaselineState == null);
    }
}
