using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IApiGatewayClient
{
    Task<IReadOnlyList<GatewayApi>> ListRestApisAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<GatewayApi>> ListHttpApisAsync(string account, string region, CancellationToken ct);
}

/// <summary>
/// API Gateway through its REST-JSON API. REST APIs: GetRestApis (paged by position), then per API its resources with
/// their methods embedded (GetResources?embed=methods, paged) and its stages (GetStages, which carry the stage's
/// method settings and web ACL, so no WAF call is needed). HTTP and WebSocket APIs: GetApis (paged by nextToken), then
/// per API GetRoutes and GetStages. AWS has no batch call for either, so a region costs 2 + 2 calls per API.
/// </summary>
public sealed class ApiGatewayClient(AwsSession session) : IApiGatewayClient
{
    private readonly RestJsonProtocol rest = new(session, "apigateway", "apigateway");

    public async Task<IReadOnlyList<GatewayApi>> ListRestApisAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<GatewayApi>();
        foreach (var api in await PagesAsync(region, "GetRestApis", "/restapis?limit=500", "position", "item", ct).ConfigureAwait(false))
        {
            var id = api.Str("id")!;
            var arn = $"arn:aws:apigateway:{region}::/restapis/{id}";
            var types = api.Obj("endpointConfiguration").Arr("types").Select(t => t.GetString()).ToList();
            var methods = new List<ApiOperation>();
            foreach (var resource in await PagesAsync(region, "GetResources", $"/restapis/{Uri.EscapeDataString(id)}/resources?embed=methods&limit=500", "position", "item", ct).ConfigureAwait(false))
            {
                if (resource.Obj("resourceMethods") is not { ValueKind: JsonValueKind.Object } verbs) continue;
                foreach (var verb in verbs.EnumerateObject())
                {
                    methods.Add(new ApiOperation
                    {
                        Method = verb.Name,
                        Path = resource.Str("path") ?? "/",
                        AuthorizationType = Value<string>.Of(verb.Value.Str("authorizationType") ?? ApiOperation.Defaults.AuthorizationType).From(ValueOrigin.Live(arn, $"{resource.Str("path")} {verb.Name} authorizationType")),
                        ApiKeyRequired = Value<bool>.Of(verb.Value.Bool("apiKeyRequired")).From(ValueOrigin.Live(arn, $"{resource.Str("path")} {verb.Name} apiKeyRequired")),
                    });
                }
            }
            var stages = (await PagesAsync(region, "GetStages", $"/restapis/{Uri.EscapeDataString(id)}/stages", null, "item", ct).ConfigureAwait(false)).Select(s =>
            {
                var stageArn = $"{arn}/stages/{s.Str("stageName")}";
                var stageWide = s.Obj("methodSettings").Obj("*/*");
                return new ApiStage
                {
                    Name = s.Str("stageName") ?? "?",
                    Tags = TagsOf(s),
                    AccessLogDestination = Value<string?>.Of(s.Obj("accessLogSettings").Str("destinationArn")).From(ValueOrigin.Live(stageArn, "accessLogSettings")),
                    ThrottlingRateLimit = Limit(stageWide, "throttlingRateLimit", stageArn),
                    ThrottlingBurstLimit = Limit(stageWide, "throttlingBurstLimit", stageArn),
                    WebAclArn = Value<string?>.Of(s.Str("webAclArn")).From(ValueOrigin.Live(stageArn, "webAclArn")),
                };
            }).ToList();
            list.Add(new GatewayApi
            {
                Id = api.Str("name") ?? id,
                Name = api.Str("name"),
                ApiId = id,
                Protocol = GatewayApi.Rest,
                EndpointType = Value<string>.Of(types.Contains("PRIVATE") ? "PRIVATE" : types.FirstOrDefault() ?? GatewayApi.Defaults.RestEndpointType).From(ValueOrigin.Live(arn, "endpointConfiguration")),
                Operations = methods,
                Stages = stages,
                Tags = TagsOf(api),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return list;
    }

    public async Task<IReadOnlyList<GatewayApi>> ListHttpApisAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<GatewayApi>();
        foreach (var api in await PagesAsync(region, "GetApis", "/v2/apis?maxResults=100", "nextToken", "items", ct).ConfigureAwait(false))
        {
            var id = api.Str("apiId")!;
            var arn = $"arn:aws:apigateway:{region}::/apis/{id}";
            var routes = (await PagesAsync(region, "GetRoutes", $"/v2/apis/{Uri.EscapeDataString(id)}/routes?maxResults=100", "nextToken", "items", ct).ConfigureAwait(false))
                .Select(r => ApiGatewayTerraform.Route(r.Str("routeKey") ?? "?",
                    Value<string>.Of(r.Str("authorizationType") ?? ApiOperation.Defaults.AuthorizationType).From(ValueOrigin.Live(arn, $"{r.Str("routeKey")} authorizationType")),
                    Value<bool>.Of(r.Bool("apiKeyRequired")).From(ValueOrigin.Live(arn, $"{r.Str("routeKey")} apiKeyRequired")), 0, null))
                .ToList();
            var stages = (await PagesAsync(region, "GetStages", $"/v2/apis/{Uri.EscapeDataString(id)}/stages?maxResults=100", "nextToken", "items", ct).ConfigureAwait(false)).Select(s =>
            {
                var stageArn = $"{arn}/stages/{s.Str("stageName")}";
                var defaults = s.Obj("defaultRouteSettings");
                return new ApiStage
                {
                    Name = s.Str("stageName") ?? "?",
                    Tags = TagsOf(s),
                    AccessLogDestination = Value<string?>.Of(s.Obj("accessLogSettings").Str("destinationArn")).From(ValueOrigin.Live(stageArn, "accessLogSettings")),
                    ThrottlingRateLimit = Limit(defaults, "throttlingRateLimit", stageArn),
                    ThrottlingBurstLimit = Limit(defaults, "throttlingBurstLimit", stageArn),
                };
            }).ToList();
            list.Add(new GatewayApi
            {
                Id = api.Str("name") ?? id,
                Name = api.Str("name"),
                ApiId = id,
                Protocol = api.Str("protocolType") ?? "HTTP",
                EndpointType = GatewayApi.Defaults.HttpEndpointType,
                Operations = routes,
                Stages = stages,
                Tags = TagsOf(api),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return list;
    }

    /// <summary>Every item of a paged list: REST APIs page by "position", v2 by "nextToken" (both as query parameter and answer field).</summary>
    private async Task<List<JsonElement>> PagesAsync(string region, string operation, string path, string? tokenName, string items, CancellationToken ct)
    {
        var all = new List<JsonElement>();
        var pages = new AwsPages("apigateway", region, operation, session.Transport.Options.MaxPages);
        string? token = null;
        do
        {
            var query = token is null ? "" : (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + tokenName + "=" + Uri.EscapeDataString(token);
            var page = await rest.GetAsync(region, operation, path + query, ct).ConfigureAwait(false);
            // An empty list may come back without its member; anything but a JSON object is a failed read.
            if (page.ValueKind != JsonValueKind.Object)
                throw new AwsCallException(AwsFailure.Error, "apigateway", region, operation, "MalformedAnswer", "the answer is not a JSON object");
            all.AddRange(page.Arr(items).Select(e => e.Clone()));
            token = tokenName is null ? null : pages.Next(page.Str(tokenName));
        }
        while (token is not null);
        return all;
    }

    /// <summary>A throttling limit as the API reports it; absent (or negative) means the stage sets none.</summary>
    private static Value<double?> Limit(JsonElement settings, string name, string arn) =>
        Value<double?>.Of(settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() >= 0 ? v.GetDouble() : null)
            .From(ValueOrigin.Live(arn, name));

    private static IReadOnlyDictionary<string, string> TagsOf(JsonElement e) =>
        e.Obj("tags") is { ValueKind: JsonValueKind.Object } tags
            ? tags.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.String).ToDictionary(t => t.Name, t => t.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>();
}
