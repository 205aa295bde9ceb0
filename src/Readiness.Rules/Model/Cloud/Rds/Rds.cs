namespace Readiness.Rules.Model.Cloud;

// RDS: DB instances and Aurora clusters. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

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
    }

    public bool IsCluster { get; init; }
    public override string Service => "rds";
    public override string Type => IsCluster ? "db-cluster" : "db-instance";
    public string? Engine { get; init; }
    public Value<bool> PubliclyAccessible { get; init; } = Defaults.PubliclyAccessible;
    public Value<bool> DeletionProtection { get; init; } = Defaults.DeletionProtection;
    public Value<bool> StorageEncrypted { get; init; } = Defaults.StorageEncrypted;
    public Value<bool> MultiAz { get; init; } = Defaults.MultiAz;
    public Value<int> BackupRetentionPeriod { get; init; } = Defaults.BackupRetentionPeriod;

    /// <summary>Live only: the instance's subnets route to an internet gateway. Null when not collected.</summary>
    public Value<bool>? InPublicSubnet { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
}
