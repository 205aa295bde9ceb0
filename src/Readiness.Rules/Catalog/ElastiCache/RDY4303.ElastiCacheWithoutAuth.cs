using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ElastiCache;

/// <summary>ElastiCache.6: without an AUTH token or RBAC user group, anything that reaches the port can read and flush the cache.</summary>
public sealed class ElastiCacheWithoutAuth : ResourceRule<CacheReplicationGroup>
{
    public override IEnumerable<Finding> Check(CacheReplicationGroup group, RuleContext context) =>
        CloudJudge.Judge(context, group, group.AuthEnabled, nameof(CacheReplicationGroup.AuthEnabled), "requires clients to authenticate",
            auth => !auth,
            () => context.OnResource(group, $"ElastiCache replication group {group.DisplayName} lets any client connect without authenticating; set an AUTH token (from Secrets Manager) or an RBAC user group.", nameof(CacheReplicationGroup.AuthEnabled)));
}
