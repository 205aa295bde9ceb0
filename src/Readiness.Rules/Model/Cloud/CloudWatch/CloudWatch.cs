namespace Readiness.Rules.Model.Cloud;

// CloudWatch: metric alarms. Absent attributes take the defaults written once in Defaults; every source (Terraform,
// CloudFormation, live, inventory) reads them from there.

/// <summary>A CloudWatch metric alarm: on one metric, or on several through metric math (metric queries).</summary>
public sealed record MetricAlarm : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool ActionsEnabled = true;
        public const bool HasAlarmActions = false;
    }

    public override string Service => "cloudwatch";
    public override string Type => "alarm";

    /// <summary>The metrics the alarm reads: one for a plain alarm, each metric of its queries for metric math.</summary>
    public IReadOnlyList<AlarmMetric> Metrics { get; init; } = [];

    public Value<bool> ActionsEnabled { get; init; } = Defaults.ActionsEnabled;

    /// <summary>At least one alarm action (an SNS topic, an Auto Scaling or EC2 action): going into ALARM tells someone.</summary>
    public Value<bool> HasAlarmActions { get; init; } = Defaults.HasAlarmActions;
}

/// <summary>One metric an alarm reads.</summary>
public sealed record AlarmMetric
{
    /// <summary>"AWS/ApplicationELB", "AWS/RDS", ...</summary>
    public Value<string> Namespace { get; init; } = "";
    public Value<string> MetricName { get; init; } = "";
    public IReadOnlyList<AlarmDimension> Dimensions { get; init; } = [];
}

/// <summary>
/// One dimension of a metric. For IaC a value that refers to another resource holds that resource's address
/// (aws_lb.api, or a CloudFormation logical id). A null name stands for a whole dimension map that is unresolved.
/// </summary>
public sealed record AlarmDimension
{
    public string? Name { get; init; }
    public Value<string> Value { get; init; } = "";
}

/// <summary>
/// A CloudWatch composite alarm: it goes into ALARM by a rule over other alarms (<c>ALARM(api-5xx) OR ALARM(db-cpu)</c>)
/// and notifies through its own actions, so the metric alarms its rule names need no action of their own.
/// </summary>
public sealed partial record CompositeAlarm : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool ActionsEnabled = true;
        public const bool HasAlarmActions = false;
    }

    public override string Service => "cloudwatch";
    public override string Type => "alarm";

    /// <summary>
    /// The alarms whose ALARM state its rule reads (<c>ALARM(name)</c>, <c>ALARM("arn:...")</c>): names or ARNs, or for
    /// IaC the address of a referenced alarm (aws_cloudwatch_metric_alarm.api_5xx, a logical id); unresolved when
    /// the rule is an expression nothing resolves.
    /// </summary>
    public Value<IReadOnlyList<string>> Alarms { get; init; } = Value<IReadOnlyList<string>>.Of([]);

    public Value<bool> ActionsEnabled { get; init; } = Defaults.ActionsEnabled;

    /// <summary>At least one alarm action: going into ALARM tells someone.</summary>
    public Value<bool> HasAlarmActions { get; init; } = Defaults.HasAlarmActions;

    /// <summary>The operands of ALARM(...) in a rule, unquoted: "ALARM(a) OR ALARM(\"b\")" names a and b.</summary>
    public static IReadOnlyList<string> AlarmsNamedBy(string rule) =>
        AlarmOperand().Matches(rule).Select(m => m.Groups["name"].Value.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    [System.Text.RegularExpressions.GeneratedRegex("""\bALARM\s*\(\s*["']?(?<name>[^"'()]+?)["']?\s*\)""")]
    private static partial System.Text.RegularExpressions.Regex AlarmOperand();
}
