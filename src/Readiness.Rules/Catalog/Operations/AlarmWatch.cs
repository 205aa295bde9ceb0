using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>Whether an alarm watches a resource: yes, no, or cannot tell (a value in it is unresolved).</summary>
internal enum Watch
{
    No,
    Maybe,
    Yes,
}

/// <summary>What the alarm search found: the best answer, the alarm that gave it and, for Maybe, the unresolved value.</summary>
internal sealed record AlarmSearch(Watch Watch, MetricAlarm? Alarm, IValue? Unresolved);

/// <summary>
/// Finds the CloudWatch alarm that watches a resource on a metric, within the resource's stack. An alarm counts when
/// it reads one of the metrics in the namespace with a dimension that names the resource, and tells someone: its
/// actions are enabled and it has at least one alarm action, or a composite alarm of the stack that tells someone
/// reads its ALARM state. An unresolved value that could make it count makes the answer Maybe, never a guessed yes or no.
/// </summary>
internal static class AlarmWatch
{
    public static AlarmSearch Find(CloudInventory cloud, CloudResource target, string metricNamespace, IReadOnlyCollection<string> metricNames,
        string dimension, Func<string, bool> namesTarget)
    {
        var stack = Stacks.Of(target);
        var best = new AlarmSearch(Watch.No, null, null);
        var composites = cloud.OfType<CompositeAlarm>().Where(a => Stacks.Of(a) == stack).ToList();
        foreach (var alarm in cloud.OfType<MetricAlarm>().Where(a => Stacks.Of(a) == stack))
        {
            var (watch, unresolved) = Judge(alarm, composites, metricNamespace, metricNames, dimension, namesTarget);
            if (watch == Watch.Yes) return new AlarmSearch(Watch.Yes, alarm, null);
            if (watch == Watch.Maybe && best.Watch == Watch.No) best = new AlarmSearch(Watch.Maybe, alarm, unresolved);
        }
        return best;
    }

    /// <summary>
    /// The control itself: nothing when an alarm watches <paramref name="target"/>, an undecided finding when one may,
    /// else the finding <paramref name="missing"/> builds. Live, only when the region's alarms were read.
    /// </summary>
    public static IEnumerable<Finding> Require(RuleContext context, CloudResource target, string metricNamespace, IReadOnlyCollection<string> metricNames,
        string dimension, Func<string, bool> namesTarget, string whatIsAsked, Func<Finding> missing)
    {
        if (!Stacks.CanJudgeAbsence(context.Cloud, target, "cloudwatch")) return [];
        var search = Find(context.Cloud, target, metricNamespace, metricNames, dimension, namesTarget);
        return search.Watch switch
        {
            Watch.Yes => [],
            Watch.Maybe => [Undecided(context, search, target, whatIsAsked)],
            _ => [missing()],
        };
    }

    /// <summary>The finding for a Maybe: info level, on the alarm's unresolved value, keyed by the resource it might watch.</summary>
    public static Finding Undecided(RuleContext context, AlarmSearch search, CloudResource target, string whatIsAsked) =>
        context.OnResource(search.Alarm!,
            $"Cannot decide whether {target.DisplayName} {whatIsAsked}: alarm {search.Alarm!.DisplayName} may watch it, but it uses the unresolved expression '{search.Unresolved?.Expression}'. Give it a literal value, a variable default or a tfvars value so it can be checked.",
            value: search.Unresolved, snippet: search.Unresolved?.Expression, fingerprintKey: "undecided:" + (target.Provenance.Address ?? target.Id)) with
        { Severity = Severity.Info, Undecided = true };

    private static (Watch, IValue?) Judge(MetricAlarm alarm, IReadOnlyList<CompositeAlarm> composites, string metricNamespace, IReadOnlyCollection<string> metricNames,
        string dimension, Func<string, bool> namesTarget)
    {
        // An alarm that notifies no one does not monitor anything, unless a composite alarm that notifies reads it.
        var notifies = Both(Is(alarm.ActionsEnabled), Is(alarm.HasAlarmActions));
        foreach (var composite in composites)
        {
            if (notifies.Watch == Watch.Yes) break;
            var through = Both(Both(Is(composite.ActionsEnabled), Is(composite.HasAlarmActions)), Reads(composite, alarm));
            if (through.Watch > notifies.Watch) notifies = through;
        }
        if (notifies.Watch == Watch.No) return notifies;
        (Watch, IValue?) best = (Watch.No, null);
        foreach (var metric in alarm.Metrics)
        {
            var reads = Both(Both(Matches(metric.Namespace, n => n == metricNamespace), Matches(metric.MetricName, metricNames.Contains)), Dimension(metric, dimension, namesTarget));
            var watch = Both(notifies, reads);
            if (watch.Watch > best.Item1) best = watch;
        }
        return best;
    }

    private static (Watch Watch, IValue? Unresolved) Dimension(AlarmMetric metric, string dimension, Func<string, bool> namesTarget)
    {
        (Watch, IValue?) best = (Watch.No, null);
        foreach (var d in metric.Dimensions.Where(d => d.Name is null || d.Name == dimension))
        {
            var watch = Matches(d.Value, namesTarget);
            if (watch.Watch > best.Item1) best = watch;
        }
        return best;
    }

    /// <summary>Whether a composite alarm's rule reads the metric alarm: by its name, its ARN or (IaC) its address.</summary>
    private static (Watch Watch, IValue? Unresolved) Reads(CompositeAlarm composite, MetricAlarm alarm) =>
        !composite.Alarms.IsKnown ? (Watch.Maybe, (IValue?)composite.Alarms)
        : composite.Alarms.Known!.Any(n => n == alarm.Id || n == alarm.Provenance.Address || n == alarm.Provenance.Arn) ? (Watch.Yes, null)
        : (Watch.No, null);

    private static (Watch Watch, IValue? Unresolved) Is(Value<bool> value) =>
        !value.IsKnown ? (Watch.Maybe, (IValue?)value) : value.Known ? (Watch.Yes, null) : (Watch.No, null);

    private static (Watch Watch, IValue? Unresolved) Matches(Value<string> value, Func<string, bool> accept) =>
        !value.IsKnown ? (Watch.Maybe, (IValue?)value) : value.Known is { } v && accept(v) ? (Watch.Yes, null) : (Watch.No, null);

    /// <summary>Both must hold: the weaker answer, with the unresolved value that made it Maybe.</summary>
    private static (Watch Watch, IValue? Unresolved) Both((Watch Watch, IValue? Unresolved) a, (Watch Watch, IValue? Unresolved) b) =>
        a.Watch <= b.Watch ? a : b;
}
