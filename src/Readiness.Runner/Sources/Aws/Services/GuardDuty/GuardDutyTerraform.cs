using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_guardduty_detector.</summary>
public sealed class GuardDutyTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_guardduty_detector"];

    public CloudResource? Map(IacResource r, IacScope scope) => new GuardDutyDetector
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.Terraform(r),
        Enabled = IacValue.Bool(r.Body, "enable", GuardDutyDetector.Defaults.Enabled),
    };
}

/// <summary>AWS::GuardDuty::Detector.</summary>
public sealed class GuardDutyCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::GuardDuty::Detector"];

    public CloudResource? Map(IacResource r, IacScope scope) => new GuardDutyDetector
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.CloudFormation(r),
        Enabled = IacValue.Bool(r.Body, "Enable", GuardDutyDetector.Defaults.Enabled),
    };
}
