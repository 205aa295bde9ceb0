using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>S3.4: a bucket without a declared default encryption configuration.</summary>
public sealed class S3DefaultEncryptionNotDeclared : ResourceRule<S3Bucket>
{
    public override IEnumerable<Finding> Check(S3Bucket bucket, RuleContext context) =>
        CloudJudge.Judge(context, bucket, bucket.EncryptionConfigured, nameof(S3Bucket.EncryptionConfigured), "declares default encryption",
            configured => !configured,
            () => context.OnResource(bucket, $"S3 bucket {bucket.DisplayName} declares no default encryption; configure SSE-KMS (or at least SSE-S3) explicitly so the choice is visible and kept.", nameof(S3Bucket.EncryptionConfigured)));
}
