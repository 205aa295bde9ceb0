using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The classic load balancers of one region (no WAF can be associated with them, so their reads stand alone).</summary>
public sealed class ElbCollector : ILiveCollector
{
    public string Service => "elb";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new ElbClient(session).DescribeLoadBalancersAsync(account, region, ct).ConfigureAwait(false)];
}
