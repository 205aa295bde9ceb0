namespace Readiness.Rules.Model.Cloud;

// CloudTrail: trails. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A CloudTrail trail.</summary>
public sealed record Trail : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool IsMultiRegion = false;
        public const bool IsLogging = true;
    }

    public override string Service => "cloudtrail";
    public override string Type => "trail";
    public Value<bool> IsMultiRegion { get; init; } = Defaults.IsMultiRegion;
    public Value<bool> IsLogging { get; init; } = Defaults.IsLogging;
}
