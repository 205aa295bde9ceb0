using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_cloudwatch_metric_alarm: a plain metric, or the metrics of its metric_query blocks.</summary>
public sealed class CloudWatchTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_cloudwatch_metric_alarm"];
    public IReadOnlyList<string> NameAttributes => ["alarm_name"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var metrics = new List<AlarmMetric>();
        if (b.Get("metric_name") is not null) metrics.Add(Metric(b, "namespace", "metric_name", "dimensions"));
        foreach (var query in b.Blocks("metric_query"))
        {
            if (query.Block("metric") is { } metric) metrics.Add(Metric(metric, "namespace", "metric_name", "dimensions"));
        }
        return new MetricAlarm
        {
            Id = IacScope.IdOf(r, "alarm_name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Metrics = metrics,
            ActionsEnabled = IacValue.Bool(b, "actions_enabled", MetricAlarm.Defaults.ActionsEnabled),
            HasAlarmActions = CloudWatchCloudFormation.NonEmpty(b, "alarm_actions"),
        };
    }

    private static AlarmMetric Metric(IacBody b, string ns, string name, string dimensions) => new()
    {
        Namespace = IacValue.String(b, ns, ""),
        MetricName = IacValue.String(b, name, ""),
        Dimensions = (b.Get(dimensions) switch
        {
            Dictionary<string, object?> map => map.Select(d => new AlarmDimension { Name = d.Key, Value = CloudWatchCloudFormation.DimensionValue(d.Value) }).ToList(),
            IacUnknown u => [new AlarmDimension { Value = Value<string>.Unresolved(u.Expression) }],
            _ => [],
        }).Select(d => d with { Value = d.Value.From(b.OriginOf(dimensions)) }).ToList(),
    };
}

/// <summary>AWS::CloudWatch::Alarm: a plain metric, or the metrics of its Metrics (metric math) list.</summary>
public sealed class CloudWatchCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::CloudWatch::Alarm"];
    public IReadOnlyList<string> NameAttributes => ["AlarmName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var metrics = new List<AlarmMetric>();
        if (b.Get("MetricName") is not null) metrics.Add(Metric(b));
        foreach (var query in b.Blocks("Metrics"))
        {
            if (query.Block("MetricStat")?.Block("Metric") is { } metric) metrics.Add(Metric(metric));
        }
        return new MetricAlarm
        {
            Id = IacScope.IdOf(r, "AlarmName"),
            Provenance = IacScope.Provenance(r),
            Metrics = metrics,
            ActionsEnabled = IacValue.Bool(b, "ActionsEnabled", MetricAlarm.Defaults.ActionsEnabled),
            HasAlarmActions = NonEmpty(b, "AlarmActions"),
        };
    }

    private static AlarmMetric Metric(IacBody b) => new()
    {
        Namespace = IacValue.String(b, "Namespace", ""),
        MetricName = IacValue.String(b, "MetricName", ""),
        Dimensions = b.Get("Dimensions") is IacUnknown u
            ? [new AlarmDimension { Value = Value<string>.Unresolved(u.Expression).From(b.OriginOf("Dimensions")) }]
            : b.Blocks("Dimensions").Select(d => new AlarmDimension
            {
                Name = d.Get("Name") as string,
                Value = DimensionValue(d.Get("Value")).From(d.OriginOf("Value")),
            }).ToList(),
    };

    /// <summary>A dimension's value: a literal, or for a reference to another resource that resource's address or logical id.</summary>
    internal static Value<string> DimensionValue(object? value) => value switch
    {
        IacUnknown { Reference: { } reference } => reference,
        IacUnknown u => Value<string>.Unresolved(u.Expression),
        _ => IacValues.AsString(value) ?? "",
    };

    /// <summary>A list attribute with at least one element (an element may be unresolved: it is still set).</summary>
    internal static Value<bool> NonEmpty(IacBody b, string attribute) => (b.Get(attribute) switch
    {
        null => MetricAlarm.Defaults.HasAlarmActions,
        List<object?> list => list.Count > 0,
        IacUnknown u => Value<bool>.Unresolved(u.Expression),
        _ => true,
    }).From(b.OriginOf(attribute));
}
