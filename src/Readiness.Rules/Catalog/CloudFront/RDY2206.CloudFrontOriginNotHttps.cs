using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>CloudFront.9: a custom origin reached over plain HTTP (http-only, or match-viewer).</summary>
public sealed class CloudFrontOriginNotHttps : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context) =>
        distribution.Origins.Where(o => !o.IsS3).SelectMany(origin =>
            CloudJudge.Judge(context, distribution, origin.ProtocolPolicy, "ProtocolPolicy", $"reaches origin '{origin.Id}' over HTTPS only",
                policy => policy is "http-only" or "match-viewer",
                () => context.OnResource(distribution,
                    $"CloudFront distribution {distribution.DisplayName} reaches origin '{origin.Id}' with origin protocol policy {origin.ProtocolPolicy.Known}, so requests can travel from CloudFront to the origin in clear text; set it to https-only with a certificate on the origin.",
                    fingerprintKey: "origin:" + origin.Id))
            .Select(f => f.At(CloudFrontOrigin.LineOf(distribution, origin, origin.ProtocolPolicy))));
}
