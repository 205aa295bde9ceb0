using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ElastiCache;

/// <summary>ElastiCache.5: without TLS, commands, AUTH tokens and cached values cross the VPC in clear text.</summary>
public sealed class ElastiCacheNotEncryptedInTransit : ResourceRule<CacheReplicationGroup>
{
    public override IEnumerable<Finding> Check(CacheReplicationGroup group, RuleContext context) =>
        CloudJudge.Judge(context, group, group.TransitEncryptionEnabled, nameof(CacheReplicationGroup.TransitEncryptionEnabled), "encrypts traffic in transit",
            encrypted => !encrypted,
            () => context.OnResource(group, $"ElastiCache replication group {group.DisplayName} does not encrypt traffic in transit; turn on in-transit encryption (TLS) and connect clients with TLS.", nameof(CacheReplicationGroup.TransitEncryptionEnabled)));
}
