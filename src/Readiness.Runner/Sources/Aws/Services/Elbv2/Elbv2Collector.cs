using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The v2 load balancers of one region with their listeners and attributes; <see cref="Wafv2Collector"/> joins their WAF association.</summary>
public sealed class Elbv2Collector : ILiveCollector
{
    public string Service => "elbv2";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new Elbv2Client(session).DescribeLoadBalancersAsync(account, region, ct).ConfigureAwait(false)];
}
