using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>CloudFront.3: a cache behavior serves plain HTTP (viewer protocol policy allow-all).</summary>
public sealed class CloudFrontAllowsHttp : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context) =>
        distribution.Behaviors.SelectMany(behavior =>
            CloudJudge.Judge(context, distribution, behavior.ViewerProtocolPolicy, "ViewerProtocolPolicy", $"requires HTTPS for path {behavior.PathPattern}",
                policy => policy == "allow-all",
                () => context.OnResource(distribution, $"CloudFront distribution {distribution.DisplayName} serves path pattern '{behavior.PathPattern}' over plain HTTP; set its viewer protocol policy to redirect-to-https.",
                    fingerprintKey: "behavior:" + behavior.PathPattern))
            .Select(f => f.At(behavior.Line)));
}
