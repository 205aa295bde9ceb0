using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_cloudwatch_metric_alarm (a plain metric, or the metrics of its metric_query blocks) and
/// aws_cloudwatch_composite_alarm (the alarms its rule reads).
/// </summary>
public sealed class CloudWatchTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"];
    public IReadOnlyList<string> NameAttributes => ["alarm_name"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        if (r.Type == "aws_cloudwatch_composite_alarm")
        {
            return new CompositeAlarm
            {
                Id = IacScope.IdOf(r, "alarm_name"),
                Provenance = IacScope.Provenance(r),
                Tags = IacTags.Terraform(r),
                Alarms = RuleAlarms(b).From(b.OriginOf("alarm_rule")),
                ActionsEnabled = IacValue.Bool(b, "actions_enabled", CompositeAlarm.Defaults.ActionsEnabled),
                HasAlarmActions = CloudWatchCloudFormation.NonEmpty(b, "alarm_actions"),
            };
        }
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

    /// <summary>
    /// The alarms a composite rule reads. A rule written as a template ("ALARM(${aws_cloudwatch_metric_alarm.api.alarm_name})")
    /// names a referenced alarm by its address, so it matches that alarm whatever its name evaluates to.
    /// </summary>
    private static Value<IReadOnlyList<string>> RuleAlarms(IacBody b)
    {
        switch (b.Get("alarm_rule"))
        {
            case null: return Value<IReadOnlyList<string>>.Of([]);
            case string rule: return Value<IReadOnlyList<string>>.Of(CompositeAlarm.AlarmsNamedBy(rule));
            case IacUnknown u:
                if (b.Expression("alarm_rule") is not HclTemplate template || b.Module is not { } module) return Value<IReadOnlyList<string>>.Unresolved(u.Expression);
                var text = new System.Text.StringBuilder();
                foreach (var part in template.Parts)
                {
                    var piece = part switch
                    {
                        string literal => literal,
                        HclExpr e and not (HclTemplateIf or HclTemplateFor) => TerraformEvaluator.Instance.Eval(e, module) switch
                        {
                            IacUnknown { Reference: { } address } => address,
                            IacUnknown => null,
                            var value => IacValues.AsString(value),
                        },
                        _ => null,
                    };
                    if (piece is null) return Value<IReadOnlyList<string>>.Unresolved(u.Expression);
                    text.Append(piece);
                }
                return Value<IReadOnlyList<string>>.Of(CompositeAlarm.AlarmsNamedBy(text.ToString()));
            default: return Value<IReadOnlyList<string>>.Unresolved("?");
        }
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

/// <summary>
/// AWS::CloudWatch::Alarm (a plain metric, or the metrics of its Metrics (metric math) list) and
/// AWS::CloudWatch::CompositeAlarm (the alarms its rule reads).
/// </summary>
public sealed partial class CloudWatchCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"];
    public IReadOnlyList<string> NameAttributes => ["AlarmName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        if (r.Type == "AWS::CloudWatch::CompositeAlarm")
        {
            return new CompositeAlarm
            {
                Id = IacScope.IdOf(r, "AlarmName"),
                Provenance = IacScope.Provenance(r),
                Alarms = RuleAlarms(b.Get("AlarmRule")).From(b.OriginOf("AlarmRule")),
                ActionsEnabled = IacValue.Bool(b, "ActionsEnabled", CompositeAlarm.Defaults.ActionsEnabled),
                HasAlarmActions = NonEmpty(b, "AlarmActions"),
            };
        }
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

    /// <summary>
    /// The alarms a composite rule reads. A rule written with !Sub ("ALARM(${Api5xxAlarm})") names a referenced alarm
    /// by its logical id; any other unresolved piece leaves the rule unresolved.
    /// </summary>
    private static Value<IReadOnlyList<string>> RuleAlarms(object? rule)
    {
        if (rule is null) return Value<IReadOnlyList<string>>.Of([]);
        if (rule is string text) return Value<IReadOnlyList<string>>.Of(CompositeAlarm.AlarmsNamedBy(text));
        var expression = rule is IacUnknown u ? u.Expression : "?";
        var sub = SubReference().Match(expression);
        // A long expression is shortened ("..."): what was cut may name other alarms.
        if (!sub.Success || expression.EndsWith("...", StringComparison.Ordinal)) return Value<IReadOnlyList<string>>.Unresolved(expression);
        var rendered = SubVariable().Replace(sub.Groups["body"].Value, m => m.Groups["id"].Value);
        return rendered.Contains("${", StringComparison.Ordinal)
            ? Value<IReadOnlyList<string>>.Unresolved(expression)
            : Value<IReadOnlyList<string>>.Of(CompositeAlarm.AlarmsNamedBy(rendered));
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^!Sub\s+["']?(?<body>.*?)["']?\s*$""", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex SubReference();

    [System.Text.RegularExpressions.GeneratedRegex("""\$\{(?<id>[A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}""")]
    private static partial System.Text.RegularExpressions.Regex SubVariable();

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
