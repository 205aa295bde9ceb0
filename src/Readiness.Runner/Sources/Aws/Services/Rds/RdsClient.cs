using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>An RDS instance as read, with the subnets that decide whether it sits in a public subnet.</summary>
public sealed record RdsInstanceInfo(DbInstance Instance, string? VpcId, IReadOnlyList<string> SubnetIds);

public interface IRdsClient
{
    Task<IReadOnlyList<RdsInstanceInfo>> DescribeDbInstancesAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<DbInstance>> DescribeDbClustersAsync(string account, string region, CancellationToken ct);

    /// <summary>
    /// The values of the named parameters in a DB parameter group, or with <paramref name="cluster"/> a DB cluster
    /// parameter group (absent: not listed, or listed without a value).
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> DescribeDbParametersAsync(string region, string group, IReadOnlySet<string> names, bool cluster, CancellationToken ct);

    /// <summary>Manual DB snapshots and manual DB cluster snapshots, each with who may restore it.</summary>
    Task<IReadOnlyList<DbSnapshot>> DescribeManualSnapshotsAsync(string account, string region, CancellationToken ct);
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
                var instance = Db(d, id, false, d.Str("DBInstanceArn") ?? $"arn:aws:rds:{region}:{account}:db:{id}", account, region) with
                {
                    ClusterId = d.Str("DBClusterIdentifier"),
                    ParameterGroup = d.Items("DBParameterGroups", "DBParameterGroup").Select(g => g.Str("DBParameterGroupName")).FirstOrDefault(),
                };
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
                list.Add(Db(d, id, true, d.Str("DBClusterArn") ?? $"arn:aws:rds:{region}:{account}:cluster:{id}", account, region) with
                {
                    ParameterGroup = d.Str("DBClusterParameterGroup"),
                });
            }
        }
        return list;
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeDbParametersAsync(string region, string group, IReadOnlySet<string> names, bool cluster, CancellationToken ct)
    {
        var (action, groupParameter) = cluster ? ("DescribeDBClusterParameters", "DBClusterParameterGroupName") : ("DescribeDBParameters", "DBParameterGroupName");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var page in query.PagesAsync(region, action, [new(groupParameter, group), new("MaxRecords", "100")], "Marker", Marker, ct, items: $"{action}Result/Parameters").ConfigureAwait(false))
        {
            foreach (var p in page.El($"{action}Result").Items("Parameters", "Parameter"))
            {
                if (p.Str("ParameterName") is { } name && names.Contains(name) && p.Str("ParameterValue") is { } value) values[name] = value;
            }
        }
        return values;
    }

    public async Task<IReadOnlyList<DbSnapshot>> DescribeManualSnapshotsAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<DbSnapshot>();
        // Only manual snapshots can be shared; automated ones are the service's own.
        await foreach (var page in query.PagesAsync(region, "DescribeDBSnapshots", [new("SnapshotType", "manual"), new("MaxRecords", "100")], "Marker", Marker, ct, items: "DescribeDBSnapshotsResult/DBSnapshots").ConfigureAwait(false))
        {
            foreach (var s in page.El("DescribeDBSnapshotsResult").Items("DBSnapshots", "DBSnapshot"))
            {
                var id = s.Str("DBSnapshotIdentifier")!;
                var arn = s.Str("DBSnapshotArn") ?? $"arn:aws:rds:{region}:{account}:snapshot:{id}";
                var attributes = await query.CallAsync(region, "DescribeDBSnapshotAttributes", [new("DBSnapshotIdentifier", id)], ct,
                    items: "DescribeDBSnapshotAttributesResult/DBSnapshotAttributesResult").ConfigureAwait(false);
                list.Add(Snapshot(id, arn, false, s.Str("DBInstanceIdentifier"), s.Bool("Encrypted"),
                    attributes.Path("DescribeDBSnapshotAttributesResult", "DBSnapshotAttributesResult").Items("DBSnapshotAttributes", "DBSnapshotAttribute"), s, account, region));
            }
        }
        await foreach (var page in query.PagesAsync(region, "DescribeDBClusterSnapshots", [new("SnapshotType", "manual"), new("MaxRecords", "100")], "Marker", Marker, ct, items: "DescribeDBClusterSnapshotsResult/DBClusterSnapshots").ConfigureAwait(false))
        {
            foreach (var s in page.El("DescribeDBClusterSnapshotsResult").Items("DBClusterSnapshots", "DBClusterSnapshot"))
            {
                var id = s.Str("DBClusterSnapshotIdentifier")!;
                var arn = s.Str("DBClusterSnapshotArn") ?? $"arn:aws:rds:{region}:{account}:cluster-snapshot:{id}";
                var attributes = await query.CallAsync(region, "DescribeDBClusterSnapshotAttributes", [new("DBClusterSnapshotIdentifier", id)], ct,
                    items: "DescribeDBClusterSnapshotAttributesResult/DBClusterSnapshotAttributesResult").ConfigureAwait(false);
                list.Add(Snapshot(id, arn, true, s.Str("DBClusterIdentifier"), s.Bool("StorageEncrypted"),
                    attributes.Path("DescribeDBClusterSnapshotAttributesResult", "DBClusterSnapshotAttributesResult").Items("DBClusterSnapshotAttributes", "DBClusterSnapshotAttribute"), s, account, region));
            }
        }
        return list;
    }

    private static DbSnapshot Snapshot(string id, string arn, bool cluster, string? source, bool encrypted, IEnumerable<XElement> attributes, XElement s, string account, string region)
    {
        var restore = attributes.Where(a => a.Str("AttributeName") == "restore")
            .SelectMany(a => a.Items("AttributeValues", "AttributeValue")).Select(v => v.Value).ToList();
        return new DbSnapshot
        {
            Id = id,
            IsCluster = cluster,
            SourceId = source,
            Encrypted = encrypted,
            Public = Value<bool>.Of(restore.Contains("all")).From(ValueOrigin.Live(arn, "restore")),
            SharedWith = restore.Where(v => v != "all").Order(StringComparer.Ordinal).ToList(),
            Tags = TagsOf(s),
            Provenance = Ec2Client.Live(account, region, arn),
        };
    }

    private static DbInstance Db(XElement d, string id, bool cluster, string arn, string account, string region) => new()
    {
        Id = id,
        IsCluster = cluster,
        Engine = d.Str("Engine"),
        EngineVersion = d.Str("EngineVersion"),
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
