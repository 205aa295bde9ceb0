using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_cloudtrail.</summary>
public sealed class CloudTrailTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_cloudtrail"];

    public CloudResource? Map(IacResource r, IacScope scope) => new Trail
    {
        Id = IacScope.IdOf(r, "name"),
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.Terraform(r),
        IsMultiRegion = IacValue.Bool(r.Body, "is_multi_region_trail", Trail.Defaults.IsMultiRegion),
        IsLogging = IacValue.Bool(r.Body, "enable_logging", Trail.Defaults.IsLogging),
    };
}
