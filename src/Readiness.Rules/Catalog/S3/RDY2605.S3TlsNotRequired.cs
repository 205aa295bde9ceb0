using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>S3.5: a bucket whose policy does not deny requests made without TLS.</summary>
public sealed class S3TlsNotRequired : ResourceRule<S3Bucket>
{
    public override IEnumerable<Finding> Check(S3Bucket bucket, RuleContext context)
    {
        if (!bucket.Policy.IsKnown)
            return [context.Undecided(bucket, nameof(S3Bucket.Policy), bucket.Policy.Expression, "requires TLS")];
        if (bucket.Policy.Known is { } policy && BucketPolicies.DeniesInsecureTransport(policy)) return [];
        var why = bucket.Policy.Known is null ? "has no bucket policy" : "has a bucket policy with no Deny for aws:SecureTransport false";
        return [context.OnResource(bucket,
            $"S3 bucket {bucket.DisplayName} does not require TLS: it {why}; add a statement that denies s3:* to Principal \"*\" when aws:SecureTransport is false.",
            nameof(S3Bucket.Policy))];
    }
}
