using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>S3.2 / S3.3: a bucket policy that lets everyone read or write, with no condition that narrows who.</summary>
public sealed class S3BucketPolicyPublic : ResourceRule<S3Bucket>
{
    public override IEnumerable<Finding> Check(S3Bucket bucket, RuleContext context)
    {
        // RestrictPublicBuckets limits a public policy to AWS services and the bucket owner's account.
        if (bucket.RestrictPublicBuckets is { IsKnown: true, Known: true }) yield break;
        if (!bucket.Policy.IsKnown)
        {
            yield return context.Undecided(bucket, nameof(S3Bucket.Policy), bucket.Policy.Expression, "keeps its bucket policy private");
            yield break;
        }
        if (bucket.Policy.Known is not { } policy) yield break;
        var (read, write, unresolved) = BucketPolicies.PublicGrants(policy);
        if (read.Count == 0 && write.Count == 0)
        {
            if (unresolved is not null) yield return context.Undecided(bucket, nameof(S3Bucket.Policy), unresolved, "keeps its bucket policy private");
            yield break;
        }
        if (!bucket.RestrictPublicBuckets.IsKnown)
        {
            yield return context.Undecided(bucket, nameof(S3Bucket.RestrictPublicBuckets), bucket.RestrictPublicBuckets.Expression, "restricts its public bucket policy");
            yield break;
        }
        var what = (read.Count > 0, write.Count > 0) switch
        {
            (true, true) => "world-readable and world-writable",
            (false, true) => "world-writable",
            _ => "world-readable",
        };
        var actions = string.Join(", ", write.Concat(read));
        yield return context.OnResource(bucket,
            $"S3 bucket {bucket.DisplayName} is {what}: its bucket policy allows everyone (Principal \"*\") {actions} with no condition that names who; grant a named principal instead (a CloudFront origin access control with an aws:SourceArn condition, a role or an account).",
            nameof(S3Bucket.Policy), fingerprintKey: what);
    }
}
