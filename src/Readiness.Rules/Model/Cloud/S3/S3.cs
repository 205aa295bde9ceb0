namespace Readiness.Rules.Model.Cloud;

// S3: buckets. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An S3 bucket with its public access block and default encryption.</summary>
public sealed record S3Bucket : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool BlockPublicAcls = false;
        public const bool IgnorePublicAcls = false;
        public const bool BlockPublicPolicy = false;
        public const bool RestrictPublicBuckets = false;
        public const bool EncryptionConfigured = false;
    }

    public override string Service => "s3";
    public override string Type => "bucket";
    public Value<bool> BlockPublicAcls { get; init; } = Defaults.BlockPublicAcls;
    public Value<bool> IgnorePublicAcls { get; init; } = Defaults.IgnorePublicAcls;
    public Value<bool> BlockPublicPolicy { get; init; } = Defaults.BlockPublicPolicy;
    public Value<bool> RestrictPublicBuckets { get; init; } = Defaults.RestrictPublicBuckets;
    public Value<bool> EncryptionConfigured { get; init; } = Defaults.EncryptionConfigured;
}
