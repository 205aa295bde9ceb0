using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ElastiCache;

/// <summary>ElastiCache.3: a production cache whose primary fails stays down until someone replaces it.</summary>
public sealed class ElastiCacheProductionWithoutFailover : ResourceRule<CacheReplicationGroup>
{
    public override IEnumerable<Finding> Check(CacheReplicationGroup group, RuleContext context)
    {
        if (context.Bool("production_only") && !CloudJudge.IsProduction(group)) return [];
        return CloudJudge.Judge(context, group, group.AutomaticFailoverEnabled, nameof(CacheReplicationGroup.AutomaticFailoverEnabled), "fails over automatically",
            failover => !failover,
            () => context.OnResource(group, $"ElastiCache replication group {group.DisplayName} is a production cache without automatic failover; add a replica in another Availability Zone and turn on automatic failover and Multi-AZ.", nameof(CacheReplicationGroup.AutomaticFailoverEnabled)));
    }
}
