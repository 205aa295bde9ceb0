using System.Globalization;

namespace Readiness.Rules.Model.Cloud;

// RDS: DB instances and Aurora clusters, and manual snapshots. Absent attributes take the defaults written once in
// each record's Defaults; every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An RDS DB instance or Aurora cluster.</summary>
public sealed record DbInstance : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool PubliclyAccessible = false;
        public const bool DeletionProtection = false;
        public const bool StorageEncrypted = false;
        public const bool MultiAz = false;
        public const int BackupRetentionPeriod = 1;

        /// <summary>
        /// The parameter that makes the engine refuse plaintext connections: rds.force_ssl (PostgreSQL, Aurora
        /// PostgreSQL), require_secure_transport (MySQL, MariaDB, Aurora MySQL); null for engines judged otherwise
        /// (Oracle, SQL Server). An Aurora cluster (and a Multi-AZ DB cluster) reads it from its DB cluster parameter group.
        /// </summary>
        public static string? TlsParameter(string? engine) => engine?.ToLowerInvariant() switch
        {
            "postgres" or "aurora-postgresql" => "rds.force_ssl",
            "mysql" or "mariadb" or "aurora-mysql" => "require_secure_transport",
            _ => null,
        };

        /// <summary>
        /// Whether the engine's default parameter group already forces TLS, by the engine version or parameter group
        /// family (postgres15, mysql8.0, "16.3"): PostgreSQL from 15, MySQL from 9.7, MariaDB from 11.8 (AWS's
        /// "Requiring SSL/TLS" pages). No version means the version AWS picks today, which is past those for PostgreSQL only.
        /// Aurora never does, whatever the version: its default DB cluster parameter groups leave rds.force_ssl at 0
        /// (Aurora User Guide, "Security with Amazon Aurora PostgreSQL", Requiring an SSL/TLS connection;
        /// https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html) and
        /// require_secure_transport OFF (Aurora User Guide, "Security with Amazon Aurora MySQL", TLS connections;
        /// https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Security.html).
        /// </summary>
        public static bool TlsRequired(string? engine, string? versionOrFamily)
        {
            var version = VersionOf(versionOrFamily);
            return engine?.ToLowerInvariant() switch
            {
                "postgres" => version is null || version >= new Version(15, 0),
                "mysql" => version is not null && version >= new Version(9, 7),
                "mariadb" => version is not null && version >= new Version(11, 8),
                _ => false,
            };
        }

        /// <summary>True when the engine's default TLS setting depends on its version (not Aurora's: always off).</summary>
        public static bool TlsDefaultFollowsVersion(string? engine) => engine?.ToLowerInvariant() is "postgres" or "mysql" or "mariadb";

        /// <summary>"16.3" or "postgres16" or "mysql8.0" as a version (major.minor); null when it holds none.</summary>
        public static Version? VersionOf(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var start = text.IndexOfAny("0123456789".ToCharArray());
            if (start < 0) return null;
            var parts = text[start..].Split('.');
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)) return null;
            var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
            return new Version(major, minor);
        }
    }

    public bool IsCluster { get; init; }
    public override string Service => "rds";
    public override string Type => IsCluster ? "db-cluster" : "db-instance";
    public string? Engine { get; init; }

    /// <summary>The engine version as written or reported ("16.3", "8.0.35"); null when left to AWS's default.</summary>
    public Value<string?> EngineVersion { get; init; } = (string?)null;

    /// <summary>
    /// An Aurora (or Multi-AZ DB cluster) member: the cluster it belongs to, by identifier or IaC address. Storage
    /// encryption, backups and deletion protection are the cluster's, so they are judged there.
    /// </summary>
    public string? ClusterId { get; init; }

    /// <summary>The DB parameter group (DB cluster parameter group for a cluster); null for the engine's default group.</summary>
    public Value<string?> ParameterGroup { get; init; } = (string?)null;

    /// <summary>
    /// The parameter group (the DB cluster parameter group for a cluster) makes the engine refuse plaintext connections
    /// (<see cref="Defaults.TlsParameter"/> is on). Null when the engine is not one this is judged for, and on a cluster
    /// member, which takes it from its cluster.
    /// </summary>
    public Value<bool>? TlsRequired { get; init; }

    public Value<bool> PubliclyAccessible { get; init; } = Defaults.PubliclyAccessible;
    public Value<bool> DeletionProtection { get; init; } = Defaults.DeletionProtection;
    public Value<bool> StorageEncrypted { get; init; } = Defaults.StorageEncrypted;
    public Value<bool> MultiAz { get; init; } = Defaults.MultiAz;
    public Value<int> BackupRetentionPeriod { get; init; } = Defaults.BackupRetentionPeriod;

    /// <summary>Live only: the instance's subnets route to an internet gateway. Null when not collected.</summary>
    public Value<bool>? InPublicSubnet { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>True when the engine reads a parameter value as on ("1", "ON", "true").</summary>
    public static bool IsOn(string value) => value.Trim().ToLowerInvariant() is "1" or "on" or "true";
}

/// <summary>A manual DB snapshot or DB cluster snapshot (live only: no Terraform or CloudFormation attribute shares one).</summary>
public sealed record DbSnapshot : CloudResource
{
    public bool IsCluster { get; init; }
    public override string Service => "rds";
    public override string Type => IsCluster ? "cluster-snapshot" : "snapshot";

    /// <summary>The instance or cluster the snapshot was taken of.</summary>
    public string? SourceId { get; init; }

    /// <summary>The restore attribute lists "all": any AWS account can copy or restore it.</summary>
    public Value<bool> Public { get; init; } = false;

    /// <summary>The AWS accounts the snapshot is shared with (the restore attribute without "all").</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];

    public bool Encrypted { get; init; }
}
