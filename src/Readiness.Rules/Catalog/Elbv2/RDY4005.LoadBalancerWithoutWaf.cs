using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Catalog.Network;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>
/// An internet-facing application load balancer with no WAF web ACL takes every request straight to the application,
/// unless it is the origin of a CloudFront distribution with a web ACL and its security groups admit nothing from the
/// internet (the CloudFront origin-facing prefix list is not an internet CIDR), so every request passes that web ACL.
/// </summary>
public sealed class LoadBalancerWithoutWaf : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        if (lb.LoadBalancerType != "application" || lb.InternetFacing is { IsKnown: true, Known: false }) yield break;
        if (!lb.WebAclArn.IsKnown)
        {
            yield return context.Undecided(lb, nameof(LoadBalancer.WebAclArn), lb.WebAclArn.Expression, "is protected by a WAF web ACL");
            yield break;
        }
        if (lb.WebAclArn.Known is not null) yield break;

        var front = context.Cloud.OfType<Distribution>().FirstOrDefault(d => d.WebAclId is { IsKnown: true, Known: not null } && Serves(d, lb));
        if (front is null)
        {
            yield return context.OnResource(lb, $"Internet-facing application load balancer {lb.DisplayName} has no WAF web ACL; associate a regional web ACL with rate limiting and the AWS managed common rule set (or serve it only through a CloudFront distribution that has one).", nameof(LoadBalancer.WebAclArn));
            yield break;
        }
        if (DirectPath(lb, context.Cloud) is not { } bypass) yield break;
        // The distribution's web ACL guards what comes through it; what is left is the way around it: low.
        yield return context.OnResource(lb, $"Internet-facing application load balancer {lb.DisplayName} has no WAF web ACL of its own and is the origin of CloudFront distribution {front.DisplayName}, which has one, but {bypass}, so requests can bypass the distribution's web ACL; let its security group admit only the CloudFront origin-facing managed prefix list (com.amazonaws.global.cloudfront.origin-facing), or associate a regional web ACL.",
            nameof(LoadBalancer.WebAclArn), fingerprintKey: "bypass:" + front.Id) with { Severity = Severity.Low };
    }

    /// <summary>Whether one of the distribution's origins is the load balancer: its IaC resource, or live its DNS name.</summary>
    private static bool Serves(Distribution d, LoadBalancer lb) => d.Origins.Any(o => lb.Provenance.IsLive
        ? d.Provenance.IsLive && lb.DnsName is { } dns && (o.DomainName.Equals(dns, StringComparison.OrdinalIgnoreCase)
            || o.DomainName.Equals("dualstack." + dns, StringComparison.OrdinalIgnoreCase))
        : SameScope(d, lb) && o.TargetResource is { } target && target == lb.Provenance.Address);

    /// <summary>
    /// Why the internet could reach the load balancer without the distribution: a security group that admits an internet
    /// CIDR (or one that is unresolved or not in the scan), or no security group to judge; null when none can.
    /// </summary>
    private static string? DirectPath(LoadBalancer lb, CloudInventory cloud)
    {
        if (lb.SecurityGroups.Count == 0) return "it names no security group the scan can judge";
        foreach (var reference in lb.SecurityGroups)
        {
            if (!reference.IsKnown) return $"its security group '{reference.Expression}' is unresolved";
            var group = cloud.OfType<SecurityGroup>().FirstOrDefault(g => g.Id == reference.Known && (lb.Provenance.IsLive ? g.Provenance.IsLive : SameScope(g, lb)));
            if (group is null) return $"its security group {reference.Known} is not in the scan";
            if (group.Ingress.Any(r => IngressExposure.OpenToWorld(r) != false)) return $"its security group {IngressExposure.Describe(group)} admits the internet";
        }
        return null;
    }

    /// <summary>Two IaC resources of one Terraform root module or one template.</summary>
    private static bool SameScope(CloudResource a, CloudResource b) =>
        !a.Provenance.IsLive && a.Provenance.Origin == b.Provenance.Origin
        && (a.Provenance.Origin == Origin.CloudFormation ? a.Provenance.File == b.Provenance.File : a.Provenance.Root == b.Provenance.Root);
}
