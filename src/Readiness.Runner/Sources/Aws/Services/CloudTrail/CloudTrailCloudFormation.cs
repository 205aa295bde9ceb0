using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::CloudTrail::Trail.</summary>
public sealed class CloudTrailCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::CloudTrail::Trail"];
    public IReadOnlyList<string> NameAttributes => ["TrailName"];

    public CloudResource? Map(IacResource r, IacScope scope) => new Trail
    {
        Id = IacScope.IdOf(r, "TrailName"),
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.CloudFormation(r),
        IsMultiRegion = IacValue.Bool(r.Body, "IsMultiRegionTrail", Trail.Defaults.IsMultiRegion),
        IsLogging = IacValue.Bool(r.Body, "IsLogging", Trail.Defaults.IsLogging),
    };
}
