using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The task definitions and services of one region.</summary>
public sealed class EcsCollector : ILiveCollector
{
    public string Service => "ecs";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct)
    {
        var client = new EcsClient(session);
        return [.. await client.DescribeTaskDefinitionsAsync(account, region, ct).ConfigureAwait(false), .. await client.DescribeServicesAsync(account, region, ct).ConfigureAwait(false)];
    }
}
