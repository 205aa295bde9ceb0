using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>
/// GuardDuty.1: threat detection where workloads run. A declared detector is judged on its setting; a region without
/// an enabled detector is judged only live (GuardDuty is often enabled for a whole organization outside the code), and
/// only where the region runs workloads and its detectors were read.
/// </summary>
public sealed class GuardDutyNotEnabled : EvidenceRule
{
    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        var detectors = evidence.Cloud.OfType<GuardDutyDetector>().ToList();
        foreach (var detector in detectors.Where(d => !d.Provenance.IsLive))
        {
            foreach (var finding in CloudJudge.Judge(context, detector, detector.Enabled, nameof(GuardDutyDetector.Enabled), "is enabled",
                enabled => !enabled,
                () => context.OnResource(detector, $"GuardDuty detector {detector.DisplayName} is disabled; enable it so that compromised credentials, crypto-mining and calls from known-bad addresses raise findings.", nameof(GuardDutyDetector.Enabled))))
                yield return finding;
        }

        // Grouped by a loop, not GroupBy on a tuple key: LINQ's lookup over value tuples is not precompiled (issue 20).
        var workloads = new Dictionary<(string? Account, string? Region), List<CloudResource>>();
        foreach (var r in evidence.Cloud.Resources)
        {
            if (!(r.Provenance.IsLive && Stacks.IsWorkload(r))) continue;
            var key = (r.Provenance.Account, r.Provenance.Region);
            if (!workloads.TryGetValue(key, out var list)) workloads[key] = list = [];
            list.Add(r);
        }
        foreach (var region in evidence.Cloud.OfType<AccountSettings>().Where(a => a.Provenance is { IsLive: true, Region: not null } && a.ServicesRead.Contains("guardduty")))
        {
            var (account, name) = (region.Provenance.Account, region.Provenance.Region);
            if (!workloads.TryGetValue((account, name), out var running)) continue;
            var here = detectors.Where(d => d.Provenance.IsLive && d.Provenance.Account == account && d.Provenance.Region == name).ToList();
            if (here.Any(d => d.Enabled is { IsKnown: true, Known: true })) continue;
            var state = here.Count == 0 ? "has no GuardDuty detector" : $"has GuardDuty detector {here[0].Id} suspended";
            yield return context.OnResource(region,
                $"Region {name} of account {account} runs {Count(running)} but {state}; enable GuardDuty there (or from the organization's delegated administrator) so threats to those workloads raise findings.",
                fingerprintKey: "no-detector");
        }
    }

    private static string Count(List<CloudResource> running)
    {
        var first = running.OrderBy(r => r.Id, StringComparer.Ordinal).First();
        return running.Count == 1 ? $"{first.Type} {first.Id}" : $"{running.Count} workloads (such as {first.Type} {first.Id})";
    }
}
