using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface ICloudWatchClient
{
    Task<IReadOnlyList<MetricAlarm>> DescribeAlarmsAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<CompositeAlarm>> DescribeCompositeAlarmsAsync(string account, string region, CancellationToken ct);
}

/// <summary>CloudWatch through its Query API: DescribeAlarms for metric alarms, then for composite alarms, each paged by NextToken.</summary>
public sealed class CloudWatchClient(AwsSession session) : ICloudWatchClient
{
    private readonly QueryProtocol query = new(session, "cloudwatch", "monitoring", "2010-08-01");

    public async Task<IReadOnlyList<MetricAlarm>> DescribeAlarmsAsync(string account, string region, CancellationToken ct)
    {
        var alarms = new List<MetricAlarm>();
        await foreach (var page in query.PagesAsync(region, "DescribeAlarms", [new("AlarmTypes.member.1", "MetricAlarm"), new("MaxRecords", "100")],
            "NextToken", p => p.Path("DescribeAlarmsResult", "NextToken")?.Value is { Length: > 0 } t ? t : null, ct, items: "DescribeAlarmsResult/MetricAlarms").ConfigureAwait(false))
        {
            foreach (var a in page.El("DescribeAlarmsResult").Items("MetricAlarms"))
            {
                var name = a.Str("AlarmName")!;
                var metrics = new List<AlarmMetric>();
                if (a.Str("MetricName") is not null) metrics.Add(Metric(a));
                foreach (var m in a.Items("Metrics"))
                {
                    if (m.Path("MetricStat", "Metric") is { } metric) metrics.Add(Metric(metric));
                }
                alarms.Add(new MetricAlarm
                {
                    Id = name,
                    Metrics = metrics,
                    ActionsEnabled = a.Bool("ActionsEnabled", MetricAlarm.Defaults.ActionsEnabled),
                    HasAlarmActions = a.Items("AlarmActions").Any(),
                    Provenance = Ec2Client.Live(account, region, a.Str("AlarmArn") ?? $"arn:aws:cloudwatch:{region}:{account}:alarm:{name}"),
                });
            }
        }
        return alarms;
    }

    public async Task<IReadOnlyList<CompositeAlarm>> DescribeCompositeAlarmsAsync(string account, string region, CancellationToken ct)
    {
        var alarms = new List<CompositeAlarm>();
        await foreach (var page in query.PagesAsync(region, "DescribeAlarms", [new("AlarmTypes.member.1", "CompositeAlarm"), new("MaxRecords", "100")],
            "NextToken", p => p.Path("DescribeAlarmsResult", "NextToken")?.Value is { Length: > 0 } t ? t : null, ct, items: "DescribeAlarmsResult/CompositeAlarms").ConfigureAwait(false))
        {
            foreach (var a in page.El("DescribeAlarmsResult").Items("CompositeAlarms"))
            {
                var name = a.Str("AlarmName")!;
                alarms.Add(new CompositeAlarm
                {
                    Id = name,
                    Alarms = Value<IReadOnlyList<string>>.Of(CompositeAlarm.AlarmsNamedBy(a.Str("AlarmRule") ?? "")),
                    ActionsEnabled = a.Bool("ActionsEnabled", CompositeAlarm.Defaults.ActionsEnabled),
                    HasAlarmActions = a.Items("AlarmActions").Any(),
                    Provenance = Ec2Client.Live(account, region, a.Str("AlarmArn") ?? $"arn:aws:cloudwatch:{region}:{account}:alarm:{name}"),
                });
            }
        }
        return alarms;
    }

    private static AlarmMetric Metric(XElement m) => new()
    {
        Namespace = m.Str("Namespace") ?? "",
        MetricName = m.Str("MetricName") ?? "",
        Dimensions = m.Items("Dimensions").Select(d => new AlarmDimension { Name = d.Str("Name"), Value = d.Str("Value") ?? "" }).ToList(),
    };
}

/// <summary>The metric and composite alarms of one region.</summary>
public sealed class CloudWatchCollector : ILiveCollector
{
    public string Service => "cloudwatch";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct)
    {
        var client = new CloudWatchClient(session);
        return [.. await client.DescribeAlarmsAsync(account, region, ct).ConfigureAwait(false), .. await client.DescribeCompositeAlarmsAsync(account, region, ct).ConfigureAwait(false)];
    }
}
