namespace Readiness.Rules.Model.Cloud;

// ElastiCache: Redis OSS and Valkey replication groups. Absent attributes take the defaults written once in
// Defaults; every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An ElastiCache replication group (Redis OSS or Valkey).</summary>
public sealed record CacheReplicationGroup : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool TransitEncryptionEnabled = false;
        public const bool AuthEnabled = false;
        public const bool AutomaticFailoverEnabled = false;
        public const int SnapshotRetentionLimit = 0;

        /// <summary>Valkey groups are encrypted at rest unless told otherwise; Redis OSS groups are not.</summary>
        public static bool AtRestEncryptionEnabled(string? engine) => string.Equals(engine, "valkey", StringComparison.OrdinalIgnoreCase);
    }

    public override string Service => "elasticache";
    public override string Type => "replicationgroup";

    /// <summary>"redis" or "valkey".</summary>
    public string? Engine { get; init; }
    public Value<bool> AtRestEncryptionEnabled { get; init; } = Defaults.AtRestEncryptionEnabled(null);
    public Value<bool> TransitEncryptionEnabled { get; init; } = Defaults.TransitEncryptionEnabled;

    /// <summary>Clients must authenticate: an AUTH token or an RBAC user group is set.</summary>
    public Value<bool> AuthEnabled { get; init; } = Defaults.AuthEnabled;
    public Value<bool> AutomaticFailoverEnabled { get; init; } = Defaults.AutomaticFailoverEnabled;
    public Value<int> SnapshotRetentionLimit { get; init; } = Defaults.SnapshotRetentionLimit;
}
