using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_s3_bucket with its companions: public access block, server-side encryption configuration, bucket policy, ACL
/// and versioning (and the deprecated inline policy, acl, versioning and encryption arguments of the bucket).
/// </summary>
public sealed class S3Terraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_s3_bucket"];
    public IReadOnlyList<string> NameAttributes => ["bucket"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        // A finding stays in the bucket's file: a companion declared elsewhere is not pointed at.
        ValueOrigin? Near(IacResource companion, IacBody body, string attribute) =>
            companion.File != r.File ? null : body.OriginOf(attribute) ?? ValueOrigin.InFile(r.File, body.Line);

        var block = scope.Companions(r, "aws_s3_bucket_public_access_block", "bucket").FirstOrDefault();
        Value<bool> Flag(string attribute, bool absent) =>
            block is null ? absent : IacValue.Bool(block.Body.Get(attribute), absent).From(Near(block, block.Body, attribute));
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
            Policy = Policy(r, scope, Near),
            Acl = Acl(r, scope, Near),
            VersioningEnabled = Versioning(r, scope, Near),
        };
    }

    private static Value<PolicyDocument?> Policy(IacResource r, IacScope scope, Func<IacResource, IacBody, string, ValueOrigin?> near)
    {
        if (scope.Companions(r, "aws_s3_bucket_policy", "bucket").FirstOrDefault() is { } companion)
            return IacPolicy.Read(companion.Body, "policy", scope).From(near(companion, companion.Body, "policy"));
        return IacPolicy.Read(r.Body, "policy", scope).From(r.Body.OriginOf("policy"));
    }

    private static Value<string> Acl(IacResource r, IacScope scope, Func<IacResource, IacBody, string, ValueOrigin?> near)
    {
        if (scope.Companions(r, "aws_s3_bucket_acl", "bucket").FirstOrDefault() is not { } companion)
            return IacValue.String(r.Body, "acl", S3Bucket.Defaults.Acl);
        if (companion.Body.Get("acl") is not null)
            return IacValue.String(companion.Body.Get("acl"), S3Bucket.Defaults.Acl).From(near(companion, companion.Body, "acl"));
        var grants = companion.Body.Block("access_control_policy")?.Blocks("grant").ToList() ?? [];
        var read = new List<(string?, string?)>();
        foreach (var grant in grants)
        {
            var uri = grant.Block("grantee")?.Get("uri");
            var permission = grant.Get("permission");
            if (uri is IacUnknown || permission is IacUnknown) return Value<string>.Unresolved(IacValue.Text(uri is IacUnknown ? uri : permission));
            read.Add((uri as string, permission as string));
        }
        var acl = S3Policies.AclOf(read);
        var at = grants.FirstOrDefault(g => S3Policies.AclOf([(g.Block("grantee")?.Get("uri") as string, g.Get("permission") as string)]) == acl);
        return Value<string>.Of(acl).From(at is null ? null : near(companion, at, "permission"));
    }

    private static Value<bool> Versioning(IacResource r, IacScope scope, Func<IacResource, IacBody, string, ValueOrigin?> near)
    {
        if (scope.Companions(r, "aws_s3_bucket_versioning", "bucket").FirstOrDefault() is { } companion)
        {
            var configuration = companion.Body.Block("versioning_configuration");
            if (configuration is null) return S3Bucket.Defaults.VersioningEnabled;
            var status = IacValue.String(configuration, "status", "Disabled");
            return (status.IsKnown ? Value<bool>.Of(status.Known == "Enabled") : Value<bool>.Unresolved(status.Expression ?? "status"))
                .From(near(companion, configuration, "status"));
        }
        var inline = r.Body.Block("versioning");
        return inline is null ? S3Bucket.Defaults.VersioningEnabled : IacValue.Bool(inline, "enabled", false);
    }
}
