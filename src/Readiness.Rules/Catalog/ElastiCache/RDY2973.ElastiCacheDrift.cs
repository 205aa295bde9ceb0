using Readiness.Rules.Catalog.Aws;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ElastiCache;

/// <summary>A live replication group whose encryption, authentication or failover is weaker than its definition in code.</summary>
public sealed class ElastiCacheDrift : ResourceRule<CacheReplicationGroup>
{
    public override IEnumerable<Finding> Check(CacheReplicationGroup live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not CacheReplicationGroup code) yield break;
        foreach (var (attribute, inCode, inLive) in Settings(code, live))
        {
            // Each setting protects when true: weaker is true in code, false live; an unresolved side decides nothing.
            if (!LiveDrift.TurnedOff(inCode, inLive)) continue;
            yield return context.OnResource(live,
                $"ElastiCache replication group {live.DisplayName} has {attribute} = false in the live account but its code ({code.DisplayName}) says true; someone changed or replaced it outside the code: apply the code (terraform apply, or update the stack) and find out who changed it.",
                attribute, fingerprintKey: "drift:" + attribute,
                properties: LiveDrift.Properties(attribute, "true", "false"));
        }
    }

    private static IEnumerable<(string, Value<bool>, Value<bool>)> Settings(CacheReplicationGroup code, CacheReplicationGroup live)
    {
        yield return (nameof(CacheReplicationGroup.AtRestEncryptionEnabled), code.AtRestEncryptionEnabled, live.AtRestEncryptionEnabled);
        yield return (nameof(CacheReplicationGroup.TransitEncryptionEnabled), code.TransitEncryptionEnabled, live.TransitEncryptionEnabled);
        yield return (nameof(CacheReplicationGroup.AuthEnabled), code.AuthEnabled, live.AuthEnabled);
        yield return (nameof(CacheReplicationGroup.AutomaticFailoverEnabled), code.AutomaticFailoverEnabled, live.AutomaticFailoverEnabled);
    }
}
