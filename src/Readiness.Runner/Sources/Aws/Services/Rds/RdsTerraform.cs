using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_db_instance and aws_rds_cluster.</summary>
public sealed class RdsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_db_instance", "aws_rds_cluster"];
    public IReadOnlyList<string> NameAttributes => ["identifier", "cluster_identifier"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var cluster = r.Type == "aws_rds_cluster";
        return new DbInstance
        {
            Id = IacScope.IdOf(r, cluster ? "cluster_identifier" : "identifier"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            IsCluster = cluster,
            Engine = b.Get("engine") as string,
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
