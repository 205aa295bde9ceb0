using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The replication groups of one region.</summary>
public sealed class ElastiCacheCollector : ILiveCollector
{
    public string Service => "elasticache";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new ElastiCacheClient(session).DescribeReplicationGroupsAsync(account, region, ct).ConfigureAwait(false)];
}
