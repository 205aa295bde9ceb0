using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="ElastiCacheClient"/> reads a replication group's attributes from.</summary>
public sealed class ElastiCacheLiveFields : LiveFields<CacheReplicationGroup>
{
    private const string Group = "DescribeReplicationGroups.ReplicationGroups[].";

    protected override IReadOnlyDictionary<string, string> For(CacheReplicationGroup group) => new Dictionary<string, string>
    {
        [nameof(CacheReplicationGroup.AtRestEncryptionEnabled)] = Group + "AtRestEncryptionEnabled",
        [nameof(CacheReplicationGroup.TransitEncryptionEnabled)] = Group + "TransitEncryptionEnabled",
        [nameof(CacheReplicationGroup.AuthEnabled)] = Group + "AuthTokenEnabled",
        [nameof(CacheReplicationGroup.AutomaticFailoverEnabled)] = Group + "AutomaticFailover",
        [nameof(CacheReplicationGroup.SnapshotRetentionLimit)] = Group + "SnapshotRetentionLimit",
    };
}
