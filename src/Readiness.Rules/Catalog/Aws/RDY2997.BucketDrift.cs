using Readiness.Rules.Catalog.S3;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>
/// A live S3 bucket weaker than its code: a public access block setting, versioning or default encryption turned off,
/// or a policy or ACL that opens it to the world or stops requiring TLS, where the code's did not.
/// </summary>
public sealed class BucketDrift : ResourceRule<S3Bucket>
{
    private static readonly (string Attribute, Func<S3Bucket, Value<bool>> Of, string What)[] Settings =
    [
        (nameof(S3Bucket.BlockPublicAcls), b => b.BlockPublicAcls, "BlockPublicAcls off"),
        (nameof(S3Bucket.IgnorePublicAcls), b => b.IgnorePublicAcls, "IgnorePublicAcls off"),
        (nameof(S3Bucket.BlockPublicPolicy), b => b.BlockPublicPolicy, "BlockPublicPolicy off"),
        (nameof(S3Bucket.RestrictPublicBuckets), b => b.RestrictPublicBuckets, "RestrictPublicBuckets off"),
        (nameof(S3Bucket.VersioningEnabled), b => b.VersioningEnabled, "versioning off"),
        (nameof(S3Bucket.EncryptionConfigured), b => b.EncryptionConfigured, "no default encryption"),
    ];

    private static readonly (ResourceRule<S3Bucket> Control, string Attribute, string What)[] Policies =
    [
        (new S3BucketPolicyPublic(), nameof(S3Bucket.Policy), "a bucket policy that opens it to everyone"),
        (new S3TlsNotRequired(), nameof(S3Bucket.Policy), "a bucket policy that no longer requires TLS"),
        (new S3PublicAcl(), nameof(S3Bucket.Acl), "an ACL that grants everyone access"),
    ];

    public override IEnumerable<Finding> Check(S3Bucket live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not S3Bucket code) yield break;
        foreach (var (attribute, of, what) in Settings)
        {
            if (!LiveDrift.TurnedOff(of(code), of(live))) continue;
            yield return context.OnResource(live,
                $"S3 bucket {live.DisplayName} has {what} in the live account but its code ({code.DisplayName}) turns it on; someone changed it outside the code: {LiveDrift.Fix}.",
                attribute, fingerprintKey: "drift:" + attribute, properties: LiveDrift.Properties(attribute, "true", "false"));
        }
        foreach (var (control, attribute, what) in Policies)
        {
            if (!LiveDrift.Widened(control, code, live, context)) continue;
            yield return context.OnResource(live,
                $"S3 bucket {live.DisplayName} has {what} in the live account, but its code ({code.DisplayName}) does not; someone changed it outside the code: {LiveDrift.Fix}.",
                attribute, fingerprintKey: $"drift:{attribute}:{control.GetType().Name}", properties: LiveDrift.Properties(attribute, "closed", what));
        }
    }
}
