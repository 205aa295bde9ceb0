using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// AWS::S3::Bucket with its PublicAccessBlockConfiguration, BucketEncryption, AccessControl and VersioningConfiguration,
/// and the AWS::S3::BucketPolicy that names it.
/// </summary>
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
            Policy = Policy(r, scope),
            Acl = Acl(b),
            VersioningEnabled = Versioning(b.Block("VersioningConfiguration")),
        };
    }

    private static Value<PolicyDocument?> Policy(IacResource r, IacScope scope)
    {
        if (scope.Companions(r, "AWS::S3::BucketPolicy", "Bucket").FirstOrDefault() is not { } policy) return (PolicyDocument?)null;
        var origin = policy.File == r.File ? policy.Body.OriginOf("PolicyDocument") ?? ValueOrigin.InFile(r.File, policy.Line) : null;
        return policy.Body.Get("PolicyDocument") switch
        {
            string json => IacPolicy.FromJson(json).From(origin),
            var document => IacPolicy.FromObject(document, "PolicyDocument").From(origin),
        };
    }

    private static Value<bool> Versioning(IacBody? versioning)
    {
        if (versioning is null) return S3Bucket.Defaults.VersioningEnabled;
        var status = IacValue.String(versioning, "Status", "Suspended");
        return (status.IsKnown ? Value<bool>.Of(status.Known == "Enabled") : Value<bool>.Unresolved(status.Expression ?? "Status")).From(status.Origin);
    }

    /// <summary>AccessControl's CloudFormation names (PublicRead) as the canned ACL names the model records (public-read).</summary>
    private static Value<string> Acl(IacBody b) => IacValue.String(b, "AccessControl", S3Bucket.Defaults.Acl) switch
    {
        { IsKnown: true } acl => Value<string>.Of(acl.Known switch
        {
            "PublicRead" => "public-read",
            "PublicReadWrite" => "public-read-write",
            "AuthenticatedRead" => "authenticated-read",
            _ => S3Bucket.Defaults.Acl,
        }).From(acl.Origin),
        var unknown => unknown,
    };
}
