namespace Readiness.Runner.Sources.Aws;

/// <summary>The REST-JSON protocol (Lambda, API Gateway, GuardDuty): GET on a path with query parameters, JSON answer.</summary>
public sealed class RestJsonProtocol(AwsSession session, string service, string signingName)
{
    /// <param name="items">Property the answer must hold (e.g. "Functions"): an answer without it is a gap, not an empty list.</param>
    public async Task<System.Text.Json.JsonElement> GetAsync(string region, string operation, string pathAndQuery, CancellationToken ct, string? items = null)
    {
        var text = await session.Transport.SendAsync(new AwsCall
        {
            Service = service,
            SigningName = signingName,
            Region = region,
            Operation = operation,
            Method = HttpMethod.Get,
            Uri = new Uri(session.Endpoints.For(signingName, region), pathAndQuery),
        }, session.Credentials, ct).ConfigureAwait(false);
        return AwsAnswer.Json(service, region, operation, text, items);
    }
}
