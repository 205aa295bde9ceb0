namespace Readiness.Rules.Model.Cloud;

// S3: buckets. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An S3 bucket with its public access block, default encryption, policy, ACL and versioning.</summary>
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
        public const string Acl = "private";
        public const bool VersioningEnabled = false;
    }

    public override string Service => "s3";
    public override string Type => "bucket";
    public Value<bool> BlockPublicAcls { get; init; } = Defaults.BlockPublicAcls;
    public Value<bool> IgnorePublicAcls { get; init; } = Defaults.IgnorePublicAcls;
    public Value<bool> BlockPublicPolicy { get; init; } = Defaults.BlockPublicPolicy;
    public Value<bool> RestrictPublicBuckets { get; init; } = Defaults.RestrictPublicBuckets;
    public Value<bool> EncryptionConfigured { get; init; } = Defaults.EncryptionConfigured;

    /// <summary>The bucket policy; null when the bucket has none.</summary>
    public Value<PolicyDocument?> Policy { get; init; } = (PolicyDocument?)null;

    /// <summary>
    /// The access the bucket ACL gives, as the canned ACL that grants it: "public-read-write" (everyone may write),
    /// "public-read" (everyone may read), "authenticated-read" (any AWS account may read) or "private". Explicit grants
    /// to the AllUsers and AuthenticatedUsers groups are read as the canned ACL they amount to.
    /// </summary>
    public Value<string> Acl { get; init; } = Defaults.Acl;

    /// <summary>Versioning is Enabled (Suspended and never enabled are both false).</summary>
    public Value<bool> VersioningEnabled { get; init; } = Defaults.VersioningEnabled;
}
