using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

internal static class CloudFrontOrigin
{
    /// <summary>The line a finding on an origin points at: where the judged value is set in the distribution's file, else the origin's own line.</summary>
    public static int LineOf(Distribution distribution, DistributionOrigin origin, IValue value) =>
        value.Origin is { InFileAt: true } set && set.File == distribution.Provenance.File ? set.Line : origin.Line;
}
