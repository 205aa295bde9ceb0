using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ElastiCache;

/// <summary>ElastiCache.4: cached data (sessions, tokens, query results) is written to disk in snapshots and swap.</summary>
public sealed class ElastiCacheNotEncryptedAtRest : ResourceRule<CacheReplicationGroup>
{
    public override IEnumerable<Finding> Check(CacheReplicationGroup group, RuleContext context) =>
        CloudJudge.Judge(context, group, group.AtRestEncryptionEnabled, nameof(CacheReplicationGroup.AtRestEncryptionEnabled), "encrypts its data at rest",
            encrypted => !encrypted,
            () => context.OnResource(group, $"ElastiCache replication group {group.DisplayName} does not encrypt its data at rest; create it with encryption at rest (a new group restored from a snapshot) and a KMS key.", nameof(CacheReplicationGroup.AtRestEncryptionEnabled)));
}
