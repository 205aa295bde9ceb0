using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// RDS in one region: DB instances (with whether their subnets route to the internet, from EC2's route tables) and
/// clusters, each with whether its parameter group (a cluster's: its DB cluster parameter group) forces TLS, through
/// <see cref="RdsTls"/>; and manual snapshots with who may restore them. Each read fails apart; a route table read that
/// fails is EC2's gap (the instances stay undecided on it), a parameter read that fails is RDS's (TLS stays undecided).
/// </summary>
public sealed class RdsCollector : ILiveReader
{
    public string Service => "rds";
    public bool IsGlobal => false;

    public async Task ReadAsync(LiveScope scope, CancellationToken ct)
    {
        var rds = new RdsClient(scope.Session);
        var instances = new List<RdsInstanceInfo>();
        var clusters = new List<DbInstance>();
        IReadOnlyList<RouteTableInfo>? routeTables = null;
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameterGroups = null, clusterParameterGroups = null;
        await scope.ReadAsync(Service, async () =>
        {
            instances.AddRange(await rds.DescribeDbInstancesAsync(scope.Account, scope.Region, ct).ConfigureAwait(false));
            clusters.AddRange(await rds.DescribeDbClustersAsync(scope.Account, scope.Region, ct).ConfigureAwait(false));
        }).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
            parameterGroups = await RdsTls.ReadAsync(rds, scope.Region, instances.Select(i => i.Instance), ct).ConfigureAwait(false)).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
            clusterParameterGroups = await RdsTls.ReadAsync(rds, scope.Region, clusters, ct).ConfigureAwait(false)).ConfigureAwait(false);
        await scope.ReadAsync("ec2", async () =>
            routeTables = await new Ec2Client(scope.Session).DescribeRouteTablesAsync(scope.Region, ct).ConfigureAwait(false)).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
        {
            foreach (var snapshot in await rds.DescribeManualSnapshotsAsync(scope.Account, scope.Region, ct).ConfigureAwait(false)) scope.Add(snapshot);
        }).ConfigureAwait(false);

        foreach (var info in instances)
            scope.Add(info.Instance with { InPublicSubnet = PublicSubnet(info, routeTables), TlsRequired = RdsTls.Judge(info.Instance, parameterGroups) });
        foreach (var cluster in clusters) scope.Add(cluster with { TlsRequired = RdsTls.Judge(cluster, clusterParameterGroups) });
    }

    /// <summary>True when any of the instance's subnets routes to an internet gateway (its own table, or the VPC's main one).</summary>
    private static Value<bool>? PublicSubnet(RdsInstanceInfo info, IReadOnlyList<RouteTableInfo>? tables)
    {
        if (tables is null || info.SubnetIds.Count == 0) return null;
        var main = tables.FirstOrDefault(t => t.IsMain && t.VpcId == info.VpcId);
        return info.SubnetIds.Any(subnet => (tables.FirstOrDefault(t => t.SubnetIds.Contains(subnet)) ?? main)?.RoutesToInternetGateway == true);
    }
}

/// <summary>
/// Whether each live DB instance's parameter group, or each cluster's DB cluster parameter group, forces TLS: one
/// DescribeDBParameters (DescribeDBClusterParameters) read per distinct custom group. A default group is not read: it
/// cannot be modified, so it holds the engine default (<see cref="DbInstance.Defaults.TlsRequired"/>).
/// </summary>
public static class RdsTls
{
    /// <summary>
    /// The TLS parameter's value in each custom group the instances, or the clusters, use (a group missing here does
    /// not set it). Instances and clusters are read apart: a DB parameter group and a DB cluster parameter group may share a name.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(IRdsClient rds, string region, IEnumerable<DbInstance> dbs, CancellationToken ct)
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var group in dbs.Where(d => d.ClusterId is null && DbInstance.Defaults.TlsParameter(d.Engine) is not null)
                     .GroupBy(d => (d.IsCluster, Name: d.ParameterGroup.Known))
                     .Where(g => g.Key.Name is { } name && !name.StartsWith("default.", StringComparison.Ordinal)))
        {
            var names = group.Select(d => DbInstance.Defaults.TlsParameter(d.Engine)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            groups[group.Key.Name!] = await rds.DescribeDbParametersAsync(region, group.Key.Name!, names, group.Key.IsCluster, ct).ConfigureAwait(false);
        }
        return groups;
    }

    /// <summary>
    /// The instance's or cluster's answer: its group's value, else the engine default for its version. Unresolved when
    /// the groups could not be read (<paramref name="groups"/> is null): the read failure is a coverage gap of its own.
    /// </summary>
    public static Value<bool>? Judge(DbInstance db, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? groups)
    {
        // A cluster member (Aurora, Multi-AZ DB cluster) takes TLS from its cluster's parameter group: judged there.
        if (db.ClusterId is not null || DbInstance.Defaults.TlsParameter(db.Engine) is not { } parameter) return null;
        if (groups is null) return Value<bool>.Unresolved($"{(db.IsCluster ? "DescribeDBClusterParameters" : "DescribeDBParameters")} could not be read");
        var origin = ValueOrigin.Live(db.Provenance.Arn, db.IsCluster ? "DBClusterParameterGroup" : "DBParameterGroups");
        return db.ParameterGroup.Known is { } name && groups.TryGetValue(name, out var values) && values.TryGetValue(parameter, out var value)
            ? Value<bool>.Of(DbInstance.IsOn(value)).From(origin)
            : Value<bool>.Of(DbInstance.Defaults.TlsRequired(db.Engine, db.EngineVersion.Known)).From(origin);
    }
}
