using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_elasticache_replication_group.</summary>
public sealed class ElastiCacheTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_elasticache_replication_group"];
    public IReadOnlyList<string> NameAttributes => ["replication_group_id"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var engine = b.Get("engine") as string ?? "redis";
        return new CacheReplicationGroup
        {
            Id = IacScope.IdOf(r, "replication_group_id"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Engine = engine,
            AtRestEncryptionEnabled = IacValue.Bool(b, "at_rest_encryption_enabled", CacheReplicationGroup.Defaults.AtRestEncryptionEnabled(engine)),
            TransitEncryptionEnabled = IacValue.Bool(b, "transit_encryption_enabled", CacheReplicationGroup.Defaults.TransitEncryptionEnabled),
            AuthEnabled = Auth(b, "auth_token", "user_group_ids"),
            AutomaticFailoverEnabled = IacValue.Bool(b, "automatic_failover_enabled", CacheReplicationGroup.Defaults.AutomaticFailoverEnabled),
            SnapshotRetentionLimit = IacValue.Int(b, "snapshot_retention_limit", CacheReplicationGroup.Defaults.SnapshotRetentionLimit),
        };
    }

    /// <summary>An AUTH token or a user group, each may come from an unresolved expression (a secret's value is unknown but set).</summary>
    internal static Value<bool> Auth(IacBody b, string tokenAttribute, string userGroupsAttribute)
    {
        if (b.Get(tokenAttribute) is { } token && token is not string { Length: 0 }) return Value<bool>.Of(true).From(b.OriginOf(tokenAttribute));
        return b.Get(userGroupsAttribute) switch
        {
            null => CacheReplicationGroup.Defaults.AuthEnabled,
            List<object?> { Count: 0 } => Value<bool>.Of(false).From(b.OriginOf(userGroupsAttribute)),
            List<object?> => Value<bool>.Of(true).From(b.OriginOf(userGroupsAttribute)),
            IacUnknown u => Value<bool>.Unresolved(u.Expression).From(b.OriginOf(userGroupsAttribute)),
            _ => Value<bool>.Of(true).From(b.OriginOf(userGroupsAttribute)),
        };
    }
}
