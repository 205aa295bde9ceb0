using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>
/// A distribution with alternate domain names (aliases) left on the default *.cloudfront.net certificate. CloudFront
/// refuses that configuration, so it is only ever seen in code: the deployment fails at launch.
/// </summary>
public sealed class CloudFrontAliasOnDefaultCertificate : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context)
    {
        if (distribution.Aliases.Count == 0) return [];
        var aliases = string.Join(", ", distribution.Aliases);
        return CloudJudge.Judge(context, distribution, distribution.UsesDefaultCertificate, nameof(Distribution.UsesDefaultCertificate),
            $"serves {aliases} with a certificate that covers them", usesDefault => usesDefault,
            () => context.OnResource(distribution,
                $"CloudFront distribution {distribution.DisplayName} answers for {aliases} on the default *.cloudfront.net certificate, " +
                "which does not cover them: CloudFront rejects the change (InvalidViewerCertificate), so the launch fails at deploy time. " +
                "Attach an ACM certificate from us-east-1 that covers every alias (sni-only, TLSv1.2_2021).",
                nameof(Distribution.UsesDefaultCertificate)));
    }
}
