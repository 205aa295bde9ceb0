using Readiness.Rules.Catalog.Network;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// A production compose file publishes a data store's port on every interface and a security group of the same scan
/// opens that host port to the internet: the exposure is no longer one mistake away, it is there. Reported as a pair
/// (the compose line and the security group rule), each pointing at the other, since either change closes it.
/// </summary>
public sealed class ComposePortOpenToInternet : EvidenceRule
{
    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        // A loop, not SelectMany into tuples: LINQ's iterators over value tuples are not precompiled (issue 20).
        var openings = new List<(SecurityGroup Group, IngressRule Rule)>();
        foreach (var group in evidence.Cloud.OfType<SecurityGroup>())
        {
            foreach (var rule in group.Ingress)
            {
                if (OpensKnownPorts(rule)) openings.Add((group, rule));
            }
        }
        if (openings.Count == 0) yield break;

        var containers = evidence.Containers;
        var seen = new HashSet<(string File, int Line, string Group, string Rule)>();
        foreach (var configuration in containers.Compose.Where(c => c.Production))
        {
            foreach (var service in configuration.Services)
            {
                foreach (var value in service.Ports)
                {
                    if (ComposePort.Parse(value.Value) is not { OnEveryInterface: true, PublishedPort: { } hostPort } port) continue;
                    if (port.DataService() is not { } data) continue;
                    if (!containers.ComposeFiles.TryGetValue(value.File, out var file)) continue;
                    foreach (var (group, rule) in openings.Where(o => o.Rule.FromPort.Known <= hostPort && hostPort <= o.Rule.ToPort.Known))
                    {
                        if (!seen.Add((value.File, value.Line, group.Id, rule.Address ?? rule.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)))) continue;
                        var groupName = IngressExposure.Describe(group);
                        var composeSide = context.AtLine(file, value.Line,
                            $"Service '{service.Name}' publishes its {data.What} port on host port {hostPort} on every interface (\"{value.Value}\"), and security group {groupName} opens port {hostPort} to the internet ({Where(group.LocationOf("Ingress"), rule)}): the {data.What} is reachable from anywhere. Bind the port to loopback (\"127.0.0.1:{hostPort}:{port.Target}\") and remove the security group rule. Judged as production: {configuration.Why}.",
                            fingerprintKey: $"{service.Name}:{port.Target}:open-via:{group.Id}",
                            properties: new Dictionary<string, string> { ["service"] = service.Name, ["compose"] = configuration.Display, ["securityGroup"] = group.Id });
                        var groupSide = context.OnResource(group,
                            $"Security group {groupName} opens port {hostPort} to the internet, where compose service '{service.Name}' publishes its {data.What} on every interface ({value.File}:{value.Line}): the {data.What} is reachable from anywhere. Remove the rule (reach the host over SSM or a VPN) and bind the compose port to loopback.",
                            "Ingress", snippet: $"{rule.Protocol} {rule.FromPort}-{rule.ToPort} from {string.Join(", ", rule.Sources)}",
                            fingerprintKey: $"ingress:{rule.Address}:{rule.FromPort}-{rule.ToPort}:published-by:{service.Name}", line: rule.Line);
                        yield return composeSide with { Location = composeSide.Location with { Related = Related(groupSide.Location, "security group rule that opens the port") } };
                        yield return groupSide with { Location = groupSide.Location with { Related = Related(composeSide.Location, $"compose service '{service.Name}' that publishes the port") } };
                    }
                }
            }
        }
    }

    /// <summary>A world-open permission over TCP whose port range is known (unresolved ones are the security group rules' to decide).</summary>
    private static bool OpensKnownPorts(IngressRule rule) =>
        rule.Protocol is "-1" or "all" or "tcp" or "6" && IngressExposure.OpenToWorld(rule) == true && rule.FromPort.IsKnown && rule.ToPort.IsKnown;

    private static string Where(Location groupLocation, IngressRule rule) =>
        groupLocation.File is { } file ? $"{file.Path}:{(rule.Line > 0 ? rule.Line : file.StartLine)}" : groupLocation.Display();

    private static IReadOnlyList<RelatedLocation>? Related(Location other, string what) =>
        other.File is { } file ? [new RelatedLocation(file, what)] : null;
}
