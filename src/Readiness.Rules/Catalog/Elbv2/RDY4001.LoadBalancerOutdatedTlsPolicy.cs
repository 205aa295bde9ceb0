using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>
/// ELB.17 (v2) and ELB.8 (classic): an HTTPS, TLS or SSL listener whose security policy still offers TLS 1.0/1.1 or
/// ciphers without forward secrecy; a classic load balancer, which has no TLS 1.3 policies, must use its TLS 1.2 one.
/// </summary>
public sealed class LoadBalancerOutdatedTlsPolicy : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        foreach (var listener in lb.Listeners)
        {
            var policy = listener.SslPolicy;
            if (!policy.IsKnown)
            {
                yield return context.Undecided(lb, nameof(Listener.SslPolicy), policy.Expression, $"uses a current TLS policy on port {listener.Port}").At(listener.Line);
            }
            else if (policy.Known is { } name && lb.LoadBalancerType == LoadBalancer.Classic && name != ClassicCurrent)
            {
                yield return context.OnResource(lb, $"Classic load balancer {lb.DisplayName} listens on port {listener.Port} with the outdated TLS policy {name}; give the listener an SSL negotiation policy that references {ClassicCurrent}, or move to an application load balancer with ELBSecurityPolicy-TLS13-1-2-2021-06.",
                    fingerprintKey: "listener:" + listener.Port, line: policy.Origin is null ? listener.Line : 0, value: policy);
            }
            else if (policy.Known is { } current && lb.LoadBalancerType != LoadBalancer.Classic && !IsCurrent(current))
            {
                yield return context.OnResource(lb, $"Load balancer {lb.DisplayName} listens on port {listener.Port} with the outdated TLS policy {current}; set the listener's security policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or a newer TLS13-1-2/TLS13-1-3 policy).",
                    fingerprintKey: "listener:" + listener.Port, line: policy.Origin is null ? listener.Line : 0, value: policy);
            }
        }
    }

    /// <summary>The strongest predefined policy a classic load balancer offers: TLS 1.2 only (ELB.8 accepts no other).</summary>
    public const string ClassicCurrent = "ELBSecurityPolicy-TLS-1-2-2017-01";

    /// <summary>The TLS 1.3 policies with TLS 1.2 or 1.3 as the minimum, and the forward-secrecy TLS 1.2 family.</summary>
    public static bool IsCurrent(string policy) =>
        policy.StartsWith("ELBSecurityPolicy-TLS13-1-2-", StringComparison.Ordinal)
        || policy.StartsWith("ELBSecurityPolicy-TLS13-1-3-", StringComparison.Ordinal)
        || policy.StartsWith("ELBSecurityPolicy-FS-1-2-", StringComparison.Ordinal);
}
