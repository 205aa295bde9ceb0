using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// Live AWS as evidence: collects accounts (<c>--aws</c>) or loads a recorded inventory (<c>--aws-inventory</c>, or the
/// ruleset's <c>aws: { inventory: PATH }</c>), and links live resources to the IaC definitions found in the tree.
/// </summary>
public sealed class AwsEvidenceSource(AwsCollectOptions? live, IReadOnlyList<string> inventories, HttpClient? http = null) : IEvidenceSource, IResourceLinker
{
    private readonly TerraformStateIndex state = new();
    private readonly List<SourceFile> stateFiles = [];

    public string Name => "aws";

    public void Observe(SourceFile file)
    {
        if (!TerraformStateIndex.IsCandidate(file)) return;
        lock (stateFiles) stateFiles.Add(file);
    }

    public async Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        foreach (var file in stateFiles) state.Add(file, collector.Coverage);
        foreach (var path in inventories)
        {
            AwsInventoryFile.Snapshot snapshot;
            try
            {
                snapshot = AwsInventoryFile.Load(path);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, path, $"The AWS inventory could not be read: {e.Message}"));
                continue;
            }
            Add(collector, snapshot.Resources, snapshot.Gaps);
            foreach (var gap in Unrecorded(path, snapshot)) collector.Coverage.AddGap(gap);
        }
        if (live is not null)
        {
            using var owned = http is null ? new HttpClient() : null;
            var collection = await new AwsCollector(live, http ?? owned!).CollectAsync(cancellationToken).ConfigureAwait(false);
            Add(collector, collection.Resources, collection.Coverage.Gaps);
            collector.Coverage.Count("aws.api-calls", collection.Coverage.Counts.GetValueOrDefault("aws.api-calls"));
            var perAccount = collection.Resources.Where(r => r is not AccountSettings).CountBy(r => r.Provenance.Account ?? "").ToDictionary();
            foreach (var account in collection.Targets) collector.Add(account with { Resources = perAccount.GetValueOrDefault(account.Id) });
        }
    }

    /// <summary>
    /// Where the inventory does not say what was read (no AccountSettings for an account's global part or one of its
    /// regions, or no account at all): a gap, since an edited or truncated snapshot must not pass for an empty account.
    /// </summary>
    public static IEnumerable<CoverageGap> Unrecorded(string path, AwsInventoryFile.Snapshot snapshot)
    {
        if (snapshot.Accounts.Count == 0 && snapshot.Gaps.Count == 0)
            yield return new CoverageGap(EvidenceSource.Aws, path, "The AWS inventory records no account, so nothing in it can be judged.");
        var recorded = snapshot.Resources.OfType<AccountSettings>().Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var account in snapshot.Accounts)
        {
            foreach (var part in snapshot.Regions.Prepend("global").Where(p => !recorded.Contains($"{account}/{p}")))
                yield return new CoverageGap(EvidenceSource.Aws, $"aws/{account}/{part}",
                    $"The AWS inventory {path} has no AccountSettings entry for {account}/{part}, so which services were read there is unknown.");
        }
    }

    private static void Add(EvidenceCollector collector, IReadOnlyList<CloudResource> resources, IReadOnlyList<CoverageGap> gaps)
    {
        foreach (var r in resources) collector.Add(r);
        foreach (var g in gaps) collector.Coverage.AddGap(g);
        collector.Coverage.Count("aws.resources", resources.Count(r => r is not AccountSettings));
    }

    public void Link(IReadOnlyList<CloudResource> resources, Coverage coverage)
    {
        var linked = AwsLinker.Link(resources, state);
        if (linked > 0) coverage.Count("aws.linked-to-code", linked);
    }
}
