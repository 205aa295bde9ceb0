using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IElastiCacheClient
{
    Task<IReadOnlyList<CacheReplicationGroup>> DescribeReplicationGroupsAsync(string account, string region, CancellationToken ct);
}

/// <summary>ElastiCache through its Query API (DescribeReplicationGroups, paged by Marker).</summary>
public sealed class ElastiCacheClient(AwsSession session) : IElastiCacheClient
{
    private readonly QueryProtocol query = new(session, "elasticache", "elasticache", "2015-02-02");

    private static string? Marker(XElement page) => page.Path(page.Elements().First().Name.LocalName, "Marker")?.Value is { Length: > 0 } m ? m : null;

    public async Task<IReadOnlyList<CacheReplicationGroup>> DescribeReplicationGroupsAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<CacheReplicationGroup>();
        await foreach (var page in query.PagesAsync(region, "DescribeReplicationGroups", [new("MaxRecords", "100")], "Marker", Marker, ct).ConfigureAwait(false))
        {
            foreach (var g in page.El("DescribeReplicationGroupsResult").Items("ReplicationGroups", "ReplicationGroup"))
            {
                var id = g.Str("ReplicationGroupId")!;
                var engine = g.Str("Engine") ?? "redis";
                list.Add(new CacheReplicationGroup
                {
                    Id = id,
                    Engine = engine,
                    AtRestEncryptionEnabled = g.Bool("AtRestEncryptionEnabled"),
                    TransitEncryptionEnabled = g.Bool("TransitEncryptionEnabled"),
                    AuthEnabled = g.Bool("AuthTokenEnabled") || g.Items("UserGroupIds", "member").Any(),
                    // "enabled", "enabling", "disabled" or "disabling": only enabled fails over now.
                    AutomaticFailoverEnabled = g.Str("AutomaticFailover") == "enabled",
                    SnapshotRetentionLimit = g.Int("SnapshotRetentionLimit") ?? CacheReplicationGroup.Defaults.SnapshotRetentionLimit,
                    Provenance = Ec2Client.Live(account, region, g.Str("ARN") ?? $"arn:aws:elasticache:{region}:{account}:replicationgroup:{id}"),
                });
            }
        }
        return list;
    }
}
