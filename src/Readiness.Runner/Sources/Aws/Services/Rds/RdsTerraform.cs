using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_db_instance, aws_rds_cluster and aws_rds_cluster_instance (an Aurora member, judged through its cluster).</summary>
public sealed class RdsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance"];
    public IReadOnlyList<string> NameAttributes => ["identifier", "cluster_identifier"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var cluster = r.Type == "aws_rds_cluster";
        var engine = b.Get("engine") as string;
        var version = IacValue.Optional(b, "engine_version");
        // TLS is the instance's parameter group's, the cluster's cluster parameter group's; a member takes its cluster's.
        var (tls, tlsEngine) = r.Type switch
        {
            "aws_db_instance" => RdsParameterGroupShape.Terraform.TlsRequired(r, scope, engine, version, "parameter_group_name"),
            "aws_rds_cluster" => RdsParameterGroupShape.TerraformCluster.TlsRequired(r, scope, engine, version, "db_cluster_parameter_group_name"),
            _ => (null, engine),
        };
        return new DbInstance
        {
            Id = IacScope.IdOf(r, cluster ? "cluster_identifier" : "identifier"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            IsCluster = cluster,
            Engine = tlsEngine,
            EngineVersion = version,
            ClusterId = r.Type == "aws_rds_cluster_instance" ? IacValue.KeyOf(b.Get("cluster_identifier")) ?? IacValue.Text(b.Get("cluster_identifier")) : null,
            ParameterGroup = IacValue.Reference(b, cluster ? "db_cluster_parameter_group_name" : r.Type == "aws_rds_cluster_instance" ? "db_parameter_group_name" : "parameter_group_name"),
            TlsRequired = tls,
            PubliclyAccessible = IacValue.Bool(b, "publicly_accessible", DbInstance.Defaults.PubliclyAccessible),
            DeletionProtection = IacValue.Bool(b, "deletion_protection", DbInstance.Defaults.DeletionProtection),
            // Aurora Serverless v1 clusters are always encrypted.
            StorageEncrypted = IacValue.Bool(b, "storage_encrypted", DbInstance.Defaults.StorageEncrypted || (cluster && b.Get("engine_mode") as string == "serverless")),
            MultiAz = IacValue.Bool(b, "multi_az", DbInstance.Defaults.MultiAz),
            BackupRetentionPeriod = IacValue.Int(b, "backup_retention_period", DbInstance.Defaults.BackupRetentionPeriod),
            SecurityGroupIds = IacValue.Strings(b.Get("vpc_security_group_ids")),
        };
    }
}
