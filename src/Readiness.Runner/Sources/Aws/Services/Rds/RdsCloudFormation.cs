using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::RDS::DBInstance and AWS::RDS::DBCluster.</summary>
public sealed class RdsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"];
    public IReadOnlyList<string> NameAttributes => ["DBInstanceIdentifier", "DBClusterIdentifier"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var cluster = r.Type == "AWS::RDS::DBCluster";
        return new DbInstance
        {
            Id = IacScope.IdOf(r, cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            IsCluster = cluster,
            Engine = b.Get("Engine") as string,
            PubliclyAccessible = IacValue.Bool(b, "PubliclyAccessible", DbInstance.Defaults.PubliclyAccessible),
            DeletionProtection = IacValue.Bool(b, "DeletionProtection", DbInstance.Defaults.DeletionProtection),
            // Aurora Serverless v1 clusters are always encrypted.
            StorageEncrypted = IacValue.Bool(b, "StorageEncrypted", DbInstance.Defaults.StorageEncrypted || (cluster && b.Get("EngineMode") as string == "serverless")),
            MultiAz = IacValue.Bool(b, "MultiAZ", DbInstance.Defaults.MultiAz),
            BackupRetentionPeriod = IacValue.Int(b, "BackupRetentionPeriod", DbInstance.Defaults.BackupRetentionPeriod),
            SecurityGroupIds = IacValue.Strings(b.Get("VPCSecurityGroups")),
        };
    }
}
