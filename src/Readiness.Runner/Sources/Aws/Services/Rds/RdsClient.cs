using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>An RDS instance as read, with the subnets that decide whether it sits in a public subnet.</summary>
public sealed record RdsInstanceInfo(DbInstance Instance, string? VpcId, IReadOnlyList<string> SubnetIds);

public interface IRdsClient
{
    Task<IReadOnlyList<RdsInstanceInfo>> DescribeDbInstancesAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<DbInstance>> DescribeDbClustersAsync(string account, string region, CancellationToken ct);
}

public sealed class RdsClient(AwsSession session) : IRdsClient
{
    private readonly QueryProtocol query = new(session, "rds", "rds", "2014-10-31");

    private static string? Marker(XElement page) => page.Path(page.Elements().First().Name.LocalName, "Marker")?.Value is { Length: > 0 } m ? m : null;

    public async Task<IReadOnlyList<RdsInstanceInfo>> DescribeDbInstancesAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<RdsInstanceInfo>();
        await foreach (var page in query.PagesAsync(region, "DescribeDBInstances", [new("MaxRecords", "100")], "Marker", Marker, ct, items: "DescribeDBInstancesResult/DBInstances").ConfigureAwait(false))
        {
            foreach (var d in page.El("DescribeDBInstancesResult").Items("DBInstances", "DBInstance"))
            {
                var id = d.Str("DBInstanceIdentifier")!;
                var subnetGroup = d.El("DBSubnetGroup");
                var instance = Db(d, id, false, d.Str("DBInstanceArn") ?? $"arn:aws:rds:{region}:{account}:db:{id}", account, region);
                list.Add(new RdsInstanceInfo(instance, subnetGroup.Str("VpcId"),
                    subnetGroup.Items("Subnets", "Subnet").Select(s => s.Str("SubnetIdentifier")).OfType<string>().ToList()));
            }
        }
        return list;
    }

    public async Task<IReadOnlyList<DbInstance>> DescribeDbClustersAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<DbInstance>();
        await foreach (var page in query.PagesAsync(region, "DescribeDBClusters", [new("MaxRecords", "100")], "Marker", Marker, ct, items: "DescribeDBClustersResult/DBClusters").ConfigureAwait(false))
        {
            foreach (var d in page.El("DescribeDBClustersResult").Items("DBClusters", "DBCluster"))
            {
                var id = d.Str("DBClusterIdentifier")!;
                list.Add(Db(d, id, true, d.Str("DBClusterArn") ?? $"arn:aws:rds:{region}:{account}:cluster:{id}", account, region));
            }
        }
        return list;
    }

    private static DbInstance Db(XElement d, string id, bool cluster, string arn, string account, string region) => new()
    {
        Id = id,
        IsCluster = cluster,
        Engine = d.Str("Engine"),
        PubliclyAccessible = d.Bool("PubliclyAccessible"),
        DeletionProtection = d.Bool("DeletionProtection"),
        StorageEncrypted = d.Bool("StorageEncrypted"),
        MultiAz = d.Bool("MultiAZ"),
        BackupRetentionPeriod = d.Int("BackupRetentionPeriod") ?? 0,
        SecurityGroupIds = d.Items("VpcSecurityGroups", "VpcSecurityGroupMembership").Select(m => m.Str("VpcSecurityGroupId")).OfType<string>().ToList(),
        Tags = TagsOf(d),
        Provenance = Ec2Client.Live(account, region, arn),
    };

    private static Dictionary<string, string> TagsOf(XElement e) =>
        AwsData.Tags(e.Items("TagList", "Tag").Select(t => (t.Str("Key"), t.Str("Value") ?? "")));
}
