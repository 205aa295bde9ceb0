using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>S3.14: a production bucket, or one that holds Terraform state or backups, without versioning.</summary>
public sealed class S3VersioningDisabled : ResourceRule<S3Bucket>
{
    public override IEnumerable<Finding> Check(S3Bucket bucket, RuleContext context)
    {
        if (Holds(bucket) is not { } what) return [];
        return CloudJudge.Judge(context, bucket, bucket.VersioningEnabled, nameof(S3Bucket.VersioningEnabled), "keeps object versions",
            enabled => !enabled,
            () => context.OnResource(bucket, $"S3 bucket {bucket.DisplayName} holds {what} and has versioning off; enable versioning so an overwritten or deleted object can be restored.", nameof(S3Bucket.VersioningEnabled)));
    }

    /// <summary>What the bucket holds that must survive an overwrite, by its name or tags; null for other buckets.</summary>
    private static string? Holds(S3Bucket bucket)
    {
        var words = (bucket.Id + " " + bucket.Provenance.Address).ToLowerInvariant()
            .Split(['-', '_', '.', ' ', '/', ':'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "tfstate" or "state")) return "Terraform state";
        if (words.Any(w => w is "backup" or "backups")) return "backups";
        return CloudJudge.IsProduction(bucket) ? "production data" : null;
    }
}
