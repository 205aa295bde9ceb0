using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>CloudFront.6 / SHIELD-1: the public entry point has no WAF web ACL.</summary>
public sealed class CloudFrontWithoutWaf : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context) =>
        CloudJudge.Judge(context, distribution, distribution.WebAclId, nameof(Distribution.WebAclId), "is protected by a WAF web ACL",
            acl => string.IsNullOrEmpty(acl),
            () => context.OnResource(distribution, $"CloudFront distribution {distribution.DisplayName} has no WAF web ACL; associate a CLOUDFRONT-scope web ACL with rate limiting and the AWS managed common rule set.", nameof(Distribution.WebAclId)));
}
