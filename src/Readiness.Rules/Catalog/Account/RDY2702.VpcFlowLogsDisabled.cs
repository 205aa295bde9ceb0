using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Account;

/// <summary>EC2.6: a VPC without flow logs (for IaC: declared without a flow log in the same configuration).</summary>
public sealed class VpcFlowLogsDisabled : ResourceRule<Vpc>
{
    public override IEnumerable<Finding> Check(Vpc vpc, RuleContext context) =>
        CloudJudge.Judge(context, vpc, vpc.FlowLogsEnabled, nameof(Vpc.FlowLogsEnabled), "records flow logs",
            enabled => !enabled,
            () => context.OnResource(vpc, $"VPC {vpc.DisplayName} has no flow log; add one (at least REJECT traffic) to CloudWatch Logs or S3 so network activity can be investigated."));
}
