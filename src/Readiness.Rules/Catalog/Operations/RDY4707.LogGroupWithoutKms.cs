using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>A production application's log group encrypted only with the service's own key.</summary>
public sealed class LogGroupWithoutKms : ResourceRule<LogGroup>
{
    public override IEnumerable<Finding> Check(LogGroup group, RuleContext context)
    {
        if (context.Bool("production_only") && !CloudJudge.IsProduction(group)) return [];
        return CloudJudge.Judge(context, group, group.KmsKeyId, nameof(LogGroup.KmsKeyId), "is encrypted with a KMS key",
            key => key is null,
            () => context.OnResource(group, $"Log group {group.DisplayName} is a production log group without a customer managed KMS key; set kms_key_id (KmsKeyId) to a key whose policy lets only the application and its operators decrypt, so reading logs needs both logs and kms permissions.", nameof(LogGroup.KmsKeyId)));
    }
}
