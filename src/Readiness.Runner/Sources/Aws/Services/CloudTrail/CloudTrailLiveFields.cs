using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.CloudTrailClient"/> reads a trail's attributes from.</summary>
public sealed class TrailLiveFields : LiveFields<Trail>
{
    protected override IReadOnlyDictionary<string, string> For(Trail trail) => new Dictionary<string, string>
    {
        [nameof(Trail.IsMultiRegion)] = "DescribeTrails.trailList[].IsMultiRegionTrail",
        [nameof(Trail.IsLogging)] = "GetTrailStatus.IsLogging",
    };
}
