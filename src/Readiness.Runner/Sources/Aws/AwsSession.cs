using Amazon.Runtime;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// Where each service's API lives. Without an override, the public regional endpoint (global services in us-east-1);
/// with <c>--endpoint-url</c>, every call goes to that one endpoint (an emulator), still signed for the right service.
/// </summary>
public sealed class AwsEndpoints(Uri? endpointUrl = null)
{
    public Uri? Override { get; } = endpointUrl;

    public Uri For(string endpointPrefix, string region, bool global = false)
    {
        if (Override is not null) return Override;
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return global ? new Uri($"https://{endpointPrefix}.{suffix}/") : new Uri($"https://{endpointPrefix}.{region}.{suffix}/");
    }
}

/// <summary>One signed identity in one account: the credentials every client of that account uses.</summary>
public sealed class AwsSession(AwsTransport transport, AwsEndpoints endpoints, ImmutableCredentials credentials)
{
    public const string GlobalRegion = "us-east-1";

    public AwsTransport Transport { get; } = transport;
    public AwsEndpoints Endpoints { get; } = endpoints;
    public ImmutableCredentials Credentials { get; } = credentials;
}
