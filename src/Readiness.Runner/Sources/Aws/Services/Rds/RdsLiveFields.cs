using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.RdsClient"/> reads each DB instance and cluster attribute from.</summary>
public sealed class RdsLiveFields : LiveFields<DbInstance>
{
    protected override IReadOnlyDictionary<string, string> For(DbInstance db)
    {
        var at = db.IsCluster ? "DescribeDBClusters.DBClusters[]." : "DescribeDBInstances.DBInstances[].";
        return new Dictionary<string, string>
        {
            [nameof(DbInstance.PubliclyAccessible)] = at + "PubliclyAccessible",
            [nameof(DbInstance.DeletionProtection)] = at + "DeletionProtection",
            [nameof(DbInstance.StorageEncrypted)] = at + "StorageEncrypted",
            [nameof(DbInstance.MultiAz)] = at + "MultiAZ",
            [nameof(DbInstance.BackupRetentionPeriod)] = at + "BackupRetentionPeriod",
            [nameof(DbInstance.InPublicSubnet)] = "DescribeRouteTables.RouteTables[].Routes[].GatewayId",
        };
    }
}
