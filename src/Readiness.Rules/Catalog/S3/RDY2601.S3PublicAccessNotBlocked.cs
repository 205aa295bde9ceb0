using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>S3.8: a bucket whose public access block is missing or incomplete.</summary>
public sealed class S3PublicAccessNotBlocked : ResourceRule<S3Bucket>
{
    public override IEnumerable<Finding> Check(S3Bucket bucket, RuleContext context)
    {
        var settings = new (string Attribute, Value<bool> Value)[]
        {
            (nameof(S3Bucket.BlockPublicAcls), bucket.BlockPublicAcls),
            (nameof(S3Bucket.IgnorePublicAcls), bucket.IgnorePublicAcls),
            (nameof(S3Bucket.BlockPublicPolicy), bucket.BlockPublicPolicy),
            (nameof(S3Bucket.RestrictPublicBuckets), bucket.RestrictPublicBuckets),
        };
        var off = settings.Where(s => s.Value.IsKnown && !s.Value.Known).ToList();
        if (off.Count > 0)
        {
            var which = off.Count == 4 ? "has no public access block" : "does not set " + string.Join(", ", off.Select(s => s.Attribute));
            yield return context.OnResource(bucket, $"S3 bucket {bucket.DisplayName} {which}; turn on all four public access block settings and serve public content through CloudFront with origin access control.", off[0].Attribute);
            yield break;
        }
        var unknown = settings.FirstOrDefault(s => !s.Value.IsKnown);
        if (unknown.Attribute is not null) yield return context.Undecided(bucket, unknown.Attribute, unknown.Value.Expression, "blocks public access");
    }
}
