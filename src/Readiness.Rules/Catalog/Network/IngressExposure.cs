using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Network;

/// <summary>Which ingress permissions of a security group let the whole internet (0.0.0.0/0, ::/0) reach given ports.</summary>
internal static class IngressExposure
{
    public static bool CoversAllPorts(IngressRule rule) =>
        rule.Protocol is "-1" or "all" || (rule.FromPort.IsKnown && rule.ToPort.IsKnown && rule.FromPort.Known <= 1 && rule.ToPort.Known >= 65535);

    /// <summary>True when a source is the internet, false when none is, null when an unresolved source could be.</summary>
    public static bool? OpenToWorld(IngressRule rule)
    {
        if (rule.Sources.Any(s => s.IsKnown && CloudJudge.IsWorld(s.Known ?? ""))) return true;
        return rule.Sources.Any(s => !s.IsKnown) ? null : false;
    }

    /// <summary>
    /// Judges each permission that may expose one of <paramref name="ports"/> (all ports when null) to the internet.
    /// Permissions that open every port are left to the all-ports rule unless <paramref name="ports"/> is null.
    /// </summary>
    public static IEnumerable<Finding> Check(SecurityGroup group, RuleContext context, IReadOnlyCollection<int>? ports, string whatIsAsked,
        Func<IngressRule, IReadOnlyList<int>, string> message)
    {
        foreach (var rule in group.Ingress)
        {
            if (rule.Protocol is not ("-1" or "all" or "tcp" or "6" or "udp" or "17")) continue;
            var world = OpenToWorld(rule);
            if (world == false) continue;
            var allPorts = CoversAllPorts(rule);
            var portsKnown = rule.Protocol is "-1" or "all" || (rule.FromPort.IsKnown && rule.ToPort.IsKnown);
            IReadOnlyList<int> matched = [];
            if (ports is null)
            {
                if (portsKnown && !allPorts) continue;
            }
            else
            {
                if (allPorts && world == true) continue;
                if (portsKnown)
                {
                    matched = ports.Where(p => allPorts || (p >= rule.FromPort.Known && p <= rule.ToPort.Known)).Order().ToList();
                    if (matched.Count == 0) continue;
                }
            }
            if (world == true && portsKnown)
            {
                // A live permission names the API field of its open range (IpPermissions[].IpRanges[].CidrIp).
                var open = rule.Sources.FirstOrDefault(s => s.IsKnown && CloudJudge.IsWorld(s.Known ?? ""));
                yield return context.OnResource(group, message(rule, matched), "Ingress",
                    snippet: $"{rule.Protocol} {rule.FromPort}-{rule.ToPort} from {string.Join(", ", rule.Sources)}",
                    fingerprintKey: $"ingress:{rule.Address}:{rule.Protocol}:{rule.FromPort}-{rule.ToPort}",
                    value: open.Origin is { IsLive: true } ? (IValue)open : null).At(rule.Line);
                continue;
            }
            var unknown = rule.Sources.FirstOrDefault(s => !s.IsKnown).Expression
                ?? (rule.FromPort.IsKnown ? rule.ToPort.Expression : rule.FromPort.Expression);
            yield return context.Undecided(group, "Ingress", unknown, whatIsAsked).At(rule.Line);
        }
    }

    public static string Describe(SecurityGroup group) =>
        group.Name is { Length: > 0 } name && !group.DisplayName.Contains(name, StringComparison.Ordinal) ? $"{group.DisplayName} ({name})" : group.DisplayName;
}
