using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API field <see cref="Clients.Ec2Client"/> reads a VPC's flow logs from.</summary>
public sealed class VpcLiveFields : LiveFields<Vpc>
{
    protected override IReadOnlyDictionary<string, string> For(Vpc vpc) =>
        new Dictionary<string, string> { [nameof(Vpc.FlowLogsEnabled)] = "DescribeFlowLogs.FlowLogs[].ResourceId" };
}
