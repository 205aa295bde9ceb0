using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ElastiCache;

/// <summary>ElastiCache.1: with snapshot retention 0 there is no automatic backup to restore after a flush or a bad deploy.</summary>
public sealed class ElastiCacheSnapshotsDisabled : ResourceRule<CacheReplicationGroup>
{
    public override IEnumerable<Finding> Check(CacheReplicationGroup group, RuleContext context) =>
        CloudJudge.Judge(context, group, group.SnapshotRetentionLimit, nameof(CacheReplicationGroup.SnapshotRetentionLimit), "keeps automatic snapshots",
            days => days <= 0,
            () => context.OnResource(group, $"ElastiCache replication group {group.DisplayName} keeps no automatic snapshots; set a snapshot retention limit of at least 1 day (7 for production).", nameof(CacheReplicationGroup.SnapshotRetentionLimit)));
}
