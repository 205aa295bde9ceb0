using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The functions of one region, with their URLs and resource policies.</summary>
public sealed class LambdaCollector : ILiveCollector
{
    public string Service => "lambda";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new LambdaClient(session).ListFunctionsAsync(account, region, ct).ConfigureAwait(false)];
}
