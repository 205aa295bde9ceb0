using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::ElastiCache::ReplicationGroup.</summary>
public sealed class ElastiCacheCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::ElastiCache::ReplicationGroup"];
    public IReadOnlyList<string> NameAttributes => ["ReplicationGroupId"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var engine = b.Get("Engine") as string ?? "redis";
        return new CacheReplicationGroup
        {
            Id = IacScope.IdOf(r, "ReplicationGroupId"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Engine = engine,
            AtRestEncryptionEnabled = IacValue.Bool(b, "AtRestEncryptionEnabled", CacheReplicationGroup.Defaults.AtRestEncryptionEnabled(engine)),
            TransitEncryptionEnabled = IacValue.Bool(b, "TransitEncryptionEnabled", CacheReplicationGroup.Defaults.TransitEncryptionEnabled),
            AuthEnabled = ElastiCacheTerraform.Auth(b, "AuthToken", "UserGroupIds"),
            AutomaticFailoverEnabled = IacValue.Bool(b, "AutomaticFailoverEnabled", CacheReplicationGroup.Defaults.AutomaticFailoverEnabled),
            SnapshotRetentionLimit = IacValue.Int(b, "SnapshotRetentionLimit", CacheReplicationGroup.Defaults.SnapshotRetentionLimit),
        };
    }
}
