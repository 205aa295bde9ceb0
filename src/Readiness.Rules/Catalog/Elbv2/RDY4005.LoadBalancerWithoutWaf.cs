using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Elbv2;

/// <summary>An internet-facing application load balancer with no WAF web ACL takes every request straight to the application.</summary>
public sealed class LoadBalancerWithoutWaf : ResourceRule<LoadBalancer>
{
    public override IEnumerable<Finding> Check(LoadBalancer lb, RuleContext context)
    {
        if (lb.LoadBalancerType != "application" || lb.InternetFacing is { IsKnown: true, Known: false }) return [];
        return CloudJudge.Judge(context, lb, lb.WebAclArn, nameof(LoadBalancer.WebAclArn), "is protected by a WAF web ACL",
            acl => acl is null,
            () => context.OnResource(lb, $"Internet-facing application load balancer {lb.DisplayName} has no WAF web ACL; associate a regional web ACL with rate limiting and the AWS managed common rule set (or serve it only through a CloudFront distribution that has one).", nameof(LoadBalancer.WebAclArn)));
    }
}
