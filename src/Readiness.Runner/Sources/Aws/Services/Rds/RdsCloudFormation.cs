using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::RDS::DBInstance (with DBClusterIdentifier: an Aurora member, judged through its cluster) and AWS::RDS::DBCluster.</summary>
public sealed class RdsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"];
    public IReadOnlyList<string> NameAttributes => ["DBInstanceIdentifier", "DBClusterIdentifier"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var cluster = r.Type == "AWS::RDS::DBCluster";
        var engine = b.Get("Engine") as string;
        var version = IacValue.Optional(b, "EngineVersion");
        var member = !cluster && b.Get("DBClusterIdentifier") is { } clusterId ? IacValue.KeyOf(clusterId) ?? IacValue.Text(clusterId) : null;
        // TLS is the instance's parameter group's, the cluster's cluster parameter group's; a member takes its cluster's.
        var (tls, tlsEngine) = cluster ? RdsParameterGroupShape.CloudFormationCluster.TlsRequired(r, scope, engine, version, "DBClusterParameterGroupName")
            : member is null ? RdsParameterGroupShape.CloudFormation.TlsRequired(r, scope, engine, version, "DBParameterGroupName")
            : (null, engine);
        return new DbInstance
        {
            Id = IacScope.IdOf(r, cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            IsCluster = cluster,
            Engine = tlsEngine,
            EngineVersion = version,
            ClusterId = member,
            ParameterGroup = IacValue.Reference(b, cluster ? "DBClusterParameterGroupName" : "DBParameterGroupName"),
            TlsRequired = tls,
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
