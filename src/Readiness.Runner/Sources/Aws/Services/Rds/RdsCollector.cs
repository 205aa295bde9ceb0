using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// The manual snapshots of one region, with who may restore them. Instances and clusters are read by
/// <see cref="AwsCollector"/>, which joins them with EC2 route tables; their parameter groups through <see cref="RdsTls"/>.
/// </summary>
public sealed class RdsCollector : ILiveCollector
{
    public string Service => "rds";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new RdsClient(session).DescribeManualSnapshotsAsync(account, region, ct).ConfigureAwait(false)];
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
