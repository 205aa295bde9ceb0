using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live security group allows traffic its definition in code does not declare.</summary>
public sealed class IngressOpenedOutsideCode : ResourceRule<SecurityGroup>
{
    public override IEnumerable<Finding> Check(SecurityGroup live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not SecurityGroup code) yield break;
        var codeRules = code.Ingress;
        // An unresolved element in code could be anything: never call a live rule extra then.
        if (codeRules.Any(r => !r.FromPort.IsKnown || !r.ToPort.IsKnown || r.Sources.Any(s => !s.IsKnown))) yield break;
        foreach (var rule in live.Ingress)
        {
            foreach (var source in rule.Sources.Where(s => s.IsKnown).Select(s => s.Known!))
            {
                var declared = codeRules.Any(c => Same(c.Protocol, rule.Protocol) && c.FromPort.Known <= rule.FromPort.Known && c.ToPort.Known >= rule.ToPort.Known
                    && c.Sources.Any(s => s.Known == source));
                if (declared) continue;
                var ports = rule.Protocol == "-1" ? "all traffic" : rule.FromPort.Known == rule.ToPort.Known ? $"port {rule.FromPort.Known}" : $"ports {rule.FromPort.Known}-{rule.ToPort.Known}";
                yield return context.OnResource(live,
                    $"Security group {live.DisplayName} allows {ports} from {source} in the live account, but its code ({code.DisplayName}) does not declare it; remove the rule (aws ec2 revoke-security-group-ingress) or add it to the code if it is intended.",
                    "Ingress", line: code.Ingress.FirstOrDefault()?.Line ?? 0, fingerprintKey: $"drift:{rule.Protocol}:{rule.FromPort.Known}-{rule.ToPort.Known}:{source}",
                    properties: new Dictionary<string, string> { ["protocol"] = rule.Protocol, ["source"] = source });
            }
        }
    }

    private static bool Same(string a, string b) => a == "-1" || string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string protocol) => protocol switch { "6" => "tcp", "17" => "udp", "1" => "icmp", _ => protocol };
}
