using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>CloudFront.13: an S3 origin read without origin access control (or identity), so the bucket must be public to serve.</summary>
public sealed class CloudFrontS3OriginWithoutAccessControl : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context) =>
        distribution.Origins.Where(o => o.IsS3).SelectMany(origin =>
            CloudJudge.Judge(context, distribution, origin.AccessControlled, "AccessControlled", $"reads S3 origin '{origin.Id}' through origin access control",
                controlled => !controlled,
                () => context.OnResource(distribution,
                    $"CloudFront distribution {distribution.DisplayName} reads S3 origin '{origin.Id}' without origin access control, so the bucket must be public and is reachable around CloudFront; attach an origin access control and let only this distribution read the bucket.",
                    fingerprintKey: "origin:" + origin.Id))
            .Select(f => f.At(CloudFrontOrigin.LineOf(distribution, origin, origin.AccessControlled))));
}
