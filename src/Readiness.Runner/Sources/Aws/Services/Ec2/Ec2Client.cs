using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>A route table reduced to what decides whether a subnet is public.</summary>
public sealed record RouteTableInfo(string Id, string VpcId, bool IsMain, IReadOnlyList<string> SubnetIds, bool RoutesToInternetGateway);

/// <summary>The read-only EC2 calls the collector makes; an official AWSSDK.EC2 client can implement it instead.</summary>
public interface IEc2Client
{
    Task<IReadOnlyList<string>> DescribeRegionsAsync(CancellationToken ct);
    Task<IReadOnlyList<SecurityGroup>> DescribeSecurityGroupsAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<Vpc>> DescribeVpcsAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<RouteTableInfo>> DescribeRouteTablesAsync(string region, CancellationToken ct);
    Task<bool> GetEbsEncryptionByDefaultAsync(string region, CancellationToken ct);
}

public sealed class Ec2Client(AwsSession session) : IEc2Client
{
    private readonly QueryProtocol query = new(session, "ec2", "ec2", "2016-11-15");

    private static string? NextToken(XElement page) => page.Str("nextToken");

    /// <summary>The regions enabled for the account (opt-in regions not opted into are left out).</summary>
    public async Task<IReadOnlyList<string>> DescribeRegionsAsync(CancellationToken ct)
    {
        var answer = await query.CallAsync(AwsSession.GlobalRegion, "DescribeRegions", null, ct, items: "regionInfo").ConfigureAwait(false);
        return answer.Items("regionInfo", "item").Select(i => i.Str("regionName")).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<SecurityGroup>> DescribeSecurityGroupsAsync(string account, string region, CancellationToken ct)
    {
        var groups = new List<SecurityGroup>();
        await foreach (var page in query.PagesAsync(region, "DescribeSecurityGroups", [new("MaxResults", "1000")], "NextToken", NextToken, ct, items: "securityGroupInfo").ConfigureAwait(false))
        {
            foreach (var g in page.Items("securityGroupInfo", "item"))
            {
                var id = g.Str("groupId")!;
                groups.Add(new SecurityGroup
                {
                    Id = id,
                    Name = g.Str("groupName"),
                    VpcId = g.Str("vpcId"),
                    Tags = TagsOf(g),
                    Ingress = g.Items("ipPermissions", "item").Select(Permission).ToList(),
                    Provenance = Live(account, region, $"arn:aws:ec2:{region}:{g.Str("ownerId") ?? account}:security-group/{id}"),
                });
            }
        }
        return groups;
    }

    private static IngressRule Permission(XElement p)
    {
        var protocol = p.Str("ipProtocol") ?? "-1";
        var all = protocol == "-1";
        var sources = p.Items("ipRanges", "item").Select(r => r.Str("cidrIp"))
            .Concat(p.Items("ipv6Ranges", "item").Select(r => r.Str("cidrIpv6")))
            .OfType<string>().Select(Value<string>.Of).ToList();
        var description = p.Items("ipRanges", "item").Select(r => r.Str("description")).FirstOrDefault(d => d is not null);
        return new IngressRule
        {
            Protocol = protocol,
            FromPort = all ? 0 : p.Int("fromPort") ?? 0,
            ToPort = all ? 65535 : p.Int("toPort") ?? 65535,
            Sources = sources,
            Description = description,
        };
    }

    public async Task<IReadOnlyList<Vpc>> DescribeVpcsAsync(string account, string region, CancellationToken ct)
    {
        var withFlowLogs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in query.PagesAsync(region, "DescribeFlowLogs", [new("MaxResults", "1000")], "NextToken", NextToken, ct, items: "flowLogSet").ConfigureAwait(false))
        {
            foreach (var f in page.Items("flowLogSet", "item"))
            {
                if (f.Str("resourceId") is { } resource && f.Str("flowLogStatus") is null or "ACTIVE") withFlowLogs.Add(resource);
            }
        }

        var vpcs = new List<Vpc>();
        await foreach (var page in query.PagesAsync(region, "DescribeVpcs", [new("MaxResults", "1000")], "NextToken", NextToken, ct, items: "vpcSet").ConfigureAwait(false))
        {
            foreach (var v in page.Items("vpcSet", "item"))
            {
                var id = v.Str("vpcId")!;
                vpcs.Add(new Vpc
                {
                    Id = id,
                    Tags = TagsOf(v),
                    FlowLogsEnabled = withFlowLogs.Contains(id),
                    Provenance = Live(account, region, $"arn:aws:ec2:{region}:{v.Str("ownerId") ?? account}:vpc/{id}"),
                });
            }
        }
        return vpcs;
    }

    public async Task<IReadOnlyList<RouteTableInfo>> DescribeRouteTablesAsync(string region, CancellationToken ct)
    {
        var tables = new List<RouteTableInfo>();
        await foreach (var page in query.PagesAsync(region, "DescribeRouteTables", [new("MaxResults", "100")], "NextToken", NextToken, ct, items: "routeTableSet").ConfigureAwait(false))
        {
            foreach (var t in page.Items("routeTableSet", "item"))
            {
                var associations = t.Items("associationSet", "item").ToList();
                var routesToIgw = t.Items("routeSet", "item").Any(r =>
                    (r.Str("gatewayId") ?? "").StartsWith("igw-", StringComparison.Ordinal) && r.Str("state") is null or "active");
                tables.Add(new RouteTableInfo(
                    t.Str("routeTableId")!,
                    t.Str("vpcId") ?? "",
                    associations.Any(a => a.Bool("main")),
                    associations.Select(a => a.Str("subnetId")).OfType<string>().ToList(),
                    routesToIgw));
            }
        }
        return tables;
    }

    public async Task<bool> GetEbsEncryptionByDefaultAsync(string region, CancellationToken ct)
    {
        var answer = await query.CallAsync(region, "GetEbsEncryptionByDefault", null, ct).ConfigureAwait(false);
        return answer.Bool("ebsEncryptionByDefault");
    }

    internal static Dictionary<string, string> TagsOf(XElement e) =>
        AwsData.Tags(e.Items("tagSet", "item").Select(t => (t.Str("key"), t.Str("value") ?? "")));

    internal static Provenance Live(string account, string region, string arn) =>
        new() { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Region = region, Arn = arn };
}
