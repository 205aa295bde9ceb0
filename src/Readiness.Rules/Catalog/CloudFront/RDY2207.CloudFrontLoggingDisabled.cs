using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>CloudFront.5: a distribution without standard access logging.</summary>
public sealed class CloudFrontLoggingDisabled : ResourceRule<Distribution>
{
    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context) =>
        CloudJudge.Judge(context, distribution, distribution.LoggingEnabled, nameof(Distribution.LoggingEnabled), "writes access logs",
            enabled => !enabled,
            () => context.OnResource(distribution, $"CloudFront distribution {distribution.DisplayName} writes no access logs; turn on standard logging to an S3 bucket so requests can be traced during an incident.", nameof(Distribution.LoggingEnabled)));
}
