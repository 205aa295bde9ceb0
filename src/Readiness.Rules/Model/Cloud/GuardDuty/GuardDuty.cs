namespace Readiness.Rules.Model.Cloud;

// GuardDuty: threat detection detectors, one per account and region. Absent attributes take the defaults written once in
// Defaults; every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A GuardDuty detector: while enabled, GuardDuty analyses the region's CloudTrail, VPC flow and DNS logs.</summary>
public sealed record GuardDutyDetector : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        /// <summary>aws_guardduty_detector without "enable" is enabled.</summary>
        public const bool Enabled = true;
    }

    public override string Service => "guardduty";
    public override string Type => "detector";

    /// <summary>Terraform enable, CloudFormation Enable, live Status == ENABLED.</summary>
    public Value<bool> Enabled { get; init; } = Defaults.Enabled;
}
