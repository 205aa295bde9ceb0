using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>
/// A custom certificate with a minimum protocol below TLSv1.2. With the default *.cloudfront.net certificate the
/// minimum cannot be chosen, so such distributions are not judged here.
/// </summary>
public sealed class CloudFrontOutdatedTls : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context)
    {
        if (!distribution.UsesDefaultCertificate.IsKnown)
            return [context.Undecided(distribution, nameof(Distribution.UsesDefaultCertificate), distribution.UsesDefaultCertificate.Expression, "uses a custom certificate with TLS 1.2 or later")];
        if (distribution.UsesDefaultCertificate.Known) return [];
        return CloudJudge.Judge(context, distribution, distribution.MinimumProtocolVersion, nameof(Distribution.MinimumProtocolVersion), "requires TLS 1.2 or later",
            version => !(version ?? "").StartsWith("TLSv1.2", StringComparison.Ordinal) && !(version ?? "").StartsWith("TLSv1.3", StringComparison.Ordinal),
            () => context.OnResource(distribution, $"CloudFront distribution {distribution.DisplayName} accepts viewers on {distribution.MinimumProtocolVersion.Known}; set the minimum protocol version to TLSv1.2_2021.", nameof(Distribution.MinimumProtocolVersion)));
    }
}
