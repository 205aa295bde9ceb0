using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_s3_bucket with its public access block and server-side encryption configuration resources.</summary>
public sealed class S3Terraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_s3_bucket"];
    public IReadOnlyList<string> NameAttributes => ["bucket"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var block = scope.Companions(r, "aws_s3_bucket_public_access_block", "bucket").FirstOrDefault();
        Value<bool> Flag(string attribute, bool absent)
        {
            if (block is null) return absent;
            // A finding stays in the bucket's file: a block declared elsewhere is not pointed at.
            var origin = block.File != r.File ? null : block.Body.OriginOf(attribute) ?? ValueOrigin.InFile(r.File, block.Line);
            return IacValue.Bool(block.Body.Get(attribute), absent).From(origin);
        }
        var encryption = scope.Companions(r, "aws_s3_bucket_server_side_encryption_configuration", "bucket").FirstOrDefault();
        var inlineEncryption = r.Body.Block("server_side_encryption_configuration");
        var encryptionOrigin = encryption is not null ? IacScope.NearOrigin(r, encryption)
            : inlineEncryption is not null ? ValueOrigin.InFile(r.File, inlineEncryption.Line) : null;
        return new S3Bucket
        {
            Id = IacScope.IdOf(r, "bucket"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            BlockPublicAcls = Flag("block_public_acls", S3Bucket.Defaults.BlockPublicAcls),
            IgnorePublicAcls = Flag("ignore_public_acls", S3Bucket.Defaults.IgnorePublicAcls),
            BlockPublicPolicy = Flag("block_public_policy", S3Bucket.Defaults.BlockPublicPolicy),
            RestrictPublicBuckets = Flag("restrict_public_buckets", S3Bucket.Defaults.RestrictPublicBuckets),
            EncryptionConfigured = Value<bool>.Of(encryption is not null || inlineEncryption is not null || S3Bucket.Defaults.EncryptionConfigured).From(encryptionOrigin),
        };
    }
}
