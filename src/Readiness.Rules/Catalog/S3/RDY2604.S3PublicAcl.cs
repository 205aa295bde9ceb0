using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>S3.2 / S3.3: a bucket ACL that grants everyone (or every AWS account) access.</summary>
public sealed class S3PublicAcl : ResourceRule<S3Bucket>
{
    public override IEnumerable<Finding> Check(S3Bucket bucket, RuleContext context)
    {
        // IgnorePublicAcls makes S3 disregard public grants when it authorizes a request.
        if (bucket.IgnorePublicAcls is { IsKnown: true, Known: true }) return [];
        return CloudJudge.Judge(context, bucket, bucket.Acl, nameof(S3Bucket.Acl), "keeps its ACL private",
            acl => Describe(acl) is not null,
            () => bucket.IgnorePublicAcls.IsKnown
                ? context.OnResource(bucket, $"S3 bucket {bucket.DisplayName} is {Describe(bucket.Acl.Known)} through its {bucket.Acl.Known} ACL; set the ACL to private (object ownership BucketOwnerEnforced turns ACLs off) and serve public files through CloudFront.", nameof(S3Bucket.Acl))
                : context.Undecided(bucket, nameof(S3Bucket.IgnorePublicAcls), bucket.IgnorePublicAcls.Expression, "ignores its public ACL"));
    }

    private static string? Describe(string? acl) => acl?.ToLowerInvariant() switch
    {
        "public-read-write" => "world-writable",
        "public-read" => "world-readable",
        "authenticated-read" => "readable by every AWS account",
        _ => null,
    };
}
