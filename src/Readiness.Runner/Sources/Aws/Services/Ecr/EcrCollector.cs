using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The private repositories of one region, with their policies.</summary>
public sealed class EcrCollector : ILiveCollector
{
    public string Service => "ecr";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new EcrClient(session).DescribeRepositoriesAsync(account, region, ct).ConfigureAwait(false)];
}
