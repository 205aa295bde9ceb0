using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::S3::Bucket with its PublicAccessBlockConfiguration and BucketEncryption.</summary>
public sealed class S3CloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::S3::Bucket"];
    public IReadOnlyList<string> NameAttributes => ["BucketName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var block = b.Block("PublicAccessBlockConfiguration");
        Value<bool> Flag(string attribute, bool absent) => block is null
            ? absent
            : IacValue.Bool(block.Get(attribute), absent).From(block.OriginOf(attribute) ?? ValueOrigin.InFile(r.File, block.Line));
        return new S3Bucket
        {
            Id = IacScope.IdOf(r, "BucketName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            BlockPublicAcls = Flag("BlockPublicAcls", S3Bucket.Defaults.BlockPublicAcls),
            IgnorePublicAcls = Flag("IgnorePublicAcls", S3Bucket.Defaults.IgnorePublicAcls),
            BlockPublicPolicy = Flag("BlockPublicPolicy", S3Bucket.Defaults.BlockPublicPolicy),
            RestrictPublicBuckets = Flag("RestrictPublicBuckets", S3Bucket.Defaults.RestrictPublicBuckets),
            EncryptionConfigured = Value<bool>.Of(b.Block("BucketEncryption") is not null || S3Bucket.Defaults.EncryptionConfigured).From(b.OriginOf("BucketEncryption")),
        };
    }
}
