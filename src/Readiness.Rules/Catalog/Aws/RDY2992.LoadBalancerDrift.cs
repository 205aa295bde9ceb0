using Readiness.Rules.Catalog.Elbv2;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>
/// A live load balancer weaker than its definition in code: the web ACL association the code declares is gone, or a
/// listener's TLS policy was changed to one that is no longer current.
/// </summary>
public sealed class LoadBalancerDrift : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not LoadBalancer code) yield break;

        // An unresolved association in code could be anything; a live association that could not be read is a gap.
        if (code.WebAclArn is { IsKnown: true, Known: not null } && live.WebAclArn is { IsKnown: true, Known: null })
        {
            yield return context.OnResource(live,
                $"Load balancer {live.DisplayName} has no WAF web ACL in the live account but its code ({code.DisplayName}) associates one; someone removed the association outside the code: apply the code (terraform apply, or update the stack) and find out who removed it.",
                nameof(LoadBalancer.WebAclArn), fingerprintKey: "drift:WebAclArn",
                properties: new Dictionary<string, string> { ["attribute"] = nameof(LoadBalancer.WebAclArn), ["code"] = code.WebAclArn.Known!, ["live"] = "none" });
        }

        foreach (var listener in live.Listeners)
        {
            var coded = code.Listeners.FirstOrDefault(l => l.Port == listener.Port);
            if (coded is null || coded.SslPolicy is not { IsKnown: true, Known: { } inCode } || listener.SslPolicy is not { IsKnown: true, Known: { } inLive }) continue;
            if (inCode == inLive || IsCurrent(live, inLive)) continue;
            yield return context.OnResource(live,
                $"Load balancer {live.DisplayName} listens on port {listener.Port} with the TLS policy {inLive} in the live account but its code ({code.DisplayName}) says {inCode}; someone changed it outside the code: apply the code (terraform apply, or update the stack) or change the code to match and review why.",
                line: coded.Line, fingerprintKey: "drift:SslPolicy:" + listener.Port,
                properties: new Dictionary<string, string> { ["attribute"] = "SslPolicy", ["port"] = listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["code"] = inCode, ["live"] = inLive });
        }
    }

    private static bool IsCurrent(LoadBalancer lb, string policy) => lb.LoadBalancerType == LoadBalancer.Classic
        ? policy == LoadBalancerOutdatedTlsPolicy.ClassicCurrent
        : LoadBalancerOutdatedTlsPolicy.IsCurrent(policy);
}
