using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// RDS in one region: DB instances (with whether their subnets route to the internet, from EC2's route tables, and
/// whether their parameter group forces TLS, through <see cref="RdsTls"/>), clusters and manual snapshots with who may
/// restore them. Each read fails apart; a route table read that fails is EC2's gap (the instances stay undecided on it).
/// </summary>
public sealed class RdsCollector : ILiveReader
{
    public string Service => "rds";
    public bool IsGlobal => false;

    public async Task ReadAsync(LiveScope scope, CancellationToken ct)
    {
        var rds = new RdsClient(scope.Session);
        var instances = new List<RdsInstanceInfo>();
        IReadOnlyList<RouteTableInfo>? routeTables = null;
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameterGroups = null;
        await scope.ReadAsync(Service, async () =>
        {
            instances.AddRange(await rds.DescribeDbInstancesAsync(scope.Account, scope.Region, ct).ConfigureAwait(false));
            foreach (var cluster in await rds.DescribeDbClustersAsync(scope.Account, scope.Region, ct).ConfigureAwait(false)) scope.Add(cluster);
        }).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
            parameterGroups = await RdsTls.ReadAsync(rds, scope.Region, instances.Select(i => i.Instance), ct).ConfigureAwait(false)).ConfigureAwait(false);
        await scope.ReadAsync("ec2", async () =>
            routeTables = await new Ec2Client(scope.Session).DescribeRouteTablesAsync(scope.Region, ct).ConfigureAwait(false)).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
        {
            foreach (var snapshot in await rds.DescribeManualSnapshotsAsync(scope.Account, scope.Region, ct).ConfigureAwait(false)) scope.Add(snapshot);
        }).ConfigureAwait(false);

        foreach (var info in instances)
            scope.Add(info.Instance with { InPublicSubnet = PublicSubnet(info, routeTables), TlsRequired = RdsTls.Judge(info.Instance, parameterGroups) });
    }

    /// <summary>True when any of the instance's subnets routes to an internet gateway (its own table, or the VPC's main one).</summary>
    private static Value<bool>? PublicSubnet(RdsInstanceInfo info, IReadOnlyList<RouteTableInfo>? tables)
    {
        if (tables is null || info.SubnetIds.Count == 0) return null;
        var main = tables.FirstOrDefault(t => t.IsMain && t.VpcId == info.VpcId);
        return info.SubnetIds.Any(subnet => (tables.FirstOrDefault(t => t.SubnetIds.Contains(subnet)) ?? main)?.RoutesToInternetGateway == true);
    }
}

/// <summary>Whether each live DB instance's parameter group forces TLS: one DescribeDBParameters read per distinct group.</summary>
public static class RdsTls
{
    /// <summary>The TLS parameter's value in each parameter group the instances use (a group missing here does not set it).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(IRdsClient rds, string region, IEnumerable<DbInstance> instances, CancellationToken ct)
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var group in instances.Where(i => i.ClusterId is null && DbInstance.Defaults.TlsParameter(i.Engine) is not null)
                     .GroupBy(i => i.ParameterGroup.Known, StringComparer.Ordinal).Where(g => g.Key is not null))
        {
            var names = group.Select(i => DbInstance.Defaults.TlsParameter(i.Engine)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            groups[group.Key!] = await rds.DescribeDbParametersAsync(region, group.Key!, names, ct).ConfigureAwait(false);
        }
        return groups;
    }

    /// <summary>
    /// The instance's answer: the group's value, else the engine default for its version. Unresolved when the groups
    /// could not be read (<paramref name="groups"/> is null): the read failure is a coverage gap of its own.
    /// </summary>
    public static Value<bool>? Judge(DbInstance instance, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? groups)
    {
        // A cluster member (Aurora, Multi-AZ DB cluster) takes TLS from its cluster's parameter group: not judged here.
        if (instance.ClusterId is not null || DbInstance.Defaults.TlsParameter(instance.Engine) is not { } parameter) return null;
        if (groups is null) return Value<bool>.Unresolved("DescribeDBParameters could not be read");
        var origin = ValueOrigin.Live(instance.Provenance.Arn, "DBParameterGroups");
        return instance.ParameterGroup.Known is { } name && groups.TryGetValue(name, out var values) && values.TryGetValue(parameter, out var value)
            ? Value<bool>.Of(DbInstance.IsOn(value)).From(origin)
            : Value<bool>.Of(DbInstance.Defaults.TlsRequired(instance.Engine, instance.EngineVersion.Known)).From(origin);
    }
}
