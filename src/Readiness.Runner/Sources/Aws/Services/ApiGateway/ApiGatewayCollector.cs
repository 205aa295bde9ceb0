using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The REST, HTTP and WebSocket APIs of one region, with their methods or routes and stages.</summary>
public sealed class ApiGatewayCollector : ILiveCollector
{
    public string Service => "apigateway";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct)
    {
        var client = new ApiGatewayClient(session);
        return [.. await client.ListRestApisAsync(account, region, ct).ConfigureAwait(false), .. await client.ListHttpApisAsync(account, region, ct).ConfigureAwait(false)];
    }
}
