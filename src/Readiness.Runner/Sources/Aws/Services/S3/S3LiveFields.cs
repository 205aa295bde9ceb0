using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.S3Client"/> reads a bucket's attributes from.</summary>
public sealed class S3LiveFields : LiveFields<S3Bucket>
{
    private const string Block = "GetPublicAccessBlock.PublicAccessBlockConfiguration.";

    protected override IReadOnlyDictionary<string, string> For(S3Bucket bucket) => new Dictionary<string, string>
    {
        [nameof(S3Bucket.BlockPublicAcls)] = Block + "BlockPublicAcls",
        [nameof(S3Bucket.IgnorePublicAcls)] = Block + "IgnorePublicAcls",
        [nameof(S3Bucket.BlockPublicPolicy)] = Block + "BlockPublicPolicy",
        [nameof(S3Bucket.RestrictPublicBuckets)] = Block + "RestrictPublicBuckets",
        [nameof(S3Bucket.EncryptionConfigured)] = "GetBucketEncryption.ServerSideEncryptionConfiguration.Rules",
        [nameof(S3Bucket.Policy)] = "GetBucketPolicy.Policy",
        [nameof(S3Bucket.Acl)] = "GetBucketAcl.Grants",
        [nameof(S3Bucket.VersioningEnabled)] = "GetBucketVersioning.Status",
    };
}
