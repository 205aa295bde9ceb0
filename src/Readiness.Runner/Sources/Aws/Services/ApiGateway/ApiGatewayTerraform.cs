using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_api_gateway_rest_api with its methods, stages, stage-wide method settings and WAF associations;
/// aws_apigatewayv2_api with its routes and stages (and the route and stage a quick-create API makes itself); the
/// operations of an OpenAPI `body` either declares (<see cref="OpenApiDefinition"/>).
/// </summary>
public sealed class ApiGatewayTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_api_gateway_rest_api", "aws_apigatewayv2_api"];

    // Method settings name their stage by stage_name, often as a literal.
    public IReadOnlyList<string> NameAttributes => ["stage_name"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type == "aws_api_gateway_rest_api" ? RestApi(r, scope) : HttpApi(r, scope);

    private static GatewayApi RestApi(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var methods = scope.Companions(r, "aws_api_gateway_method", "rest_api_id").Select(m => new ApiOperation
        {
            Method = IacValues.AsString(m.Body.Get("http_method")) ?? "?",
            Path = PathOf(scope, m.Body.Get("resource_id")),
            AuthorizationType = IacValue.String(m.Body, "authorization", ApiOperation.Defaults.AuthorizationType),
            ApiKeyRequired = IacValue.Bool(m.Body, "api_key_required", ApiOperation.Defaults.ApiKeyRequired),
            Line = IacScope.Near(r, m),
            Address = m.Address,
        }).ToList();
        var settings = scope.Companions(r, "aws_api_gateway_method_settings", "rest_api_id");
        var stages = scope.Companions(r, "aws_api_gateway_stage", "rest_api_id").Select(s =>
        {
            // The stage-wide settings: method_path "*/*" of a method settings resource for this API and this stage.
            var stageWide = scope.Companions(s, "aws_api_gateway_method_settings", "stage_name").Where(settings.Contains)
                .Where(m => m.Body.Get("method_path") is not string path || path == "*/*").ToList();
            var throttling = stageWide.LastOrDefault();
            var unresolvedPath = throttling?.Body.Get("method_path") is IacUnknown u ? u.Expression : null;
            var acl = scope.Companions(s, "aws_wafv2_web_acl_association", "resource_arn").FirstOrDefault();
            return new ApiStage
            {
                Name = IacValues.AsString(s.Body.Get("stage_name")) ?? s.Address,
                Tags = IacTags.Terraform(s),
                AccessLogDestination = IacValue.Reference(s.Body.Block("access_log_settings"), "destination_arn"),
                ThrottlingRateLimit = unresolvedPath is null ? Limit(throttling?.Body.Block("settings"), "throttling_rate_limit") : Value<double?>.Unresolved(unresolvedPath),
                ThrottlingBurstLimit = unresolvedPath is null ? Limit(throttling?.Body.Block("settings"), "throttling_burst_limit") : Value<double?>.Unresolved(unresolvedPath),
                WebAclArn = acl is null ? (string?)null : IacValue.Reference(acl.Body, "web_acl_arn"),
                Line = IacScope.Near(r, s),
                Address = s.Address,
            };
        }).ToList();
        var types = b.Block("endpoint_configuration")?.Get("types");
        var definition = OpenApiDefinition.FromTerraform(r, "body");
        return new GatewayApi
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            Protocol = GatewayApi.Rest,
            EndpointType = EndpointType(types).From(b.Block("endpoint_configuration")?.OriginOf("types")),
            Operations = [.. definition.Operations, .. methods],
            Stages = stages,
            UnreadDefinition = definition.Unread,
        };
    }

    private static GatewayApi HttpApi(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var routes = scope.Companions(r, "aws_apigatewayv2_route", "api_id").Select(route => Route(
            IacValues.AsString(route.Body.Get("route_key")) ?? "?",
            IacValue.String(route.Body, "authorization_type", ApiOperation.Defaults.AuthorizationType),
            IacValue.Bool(route.Body, "api_key_required", ApiOperation.Defaults.ApiKeyRequired),
            IacScope.Near(r, route), route.Address)).ToList();
        var stages = scope.Companions(r, "aws_apigatewayv2_stage", "api_id").Select(s =>
        {
            var defaults = s.Body.Block("default_route_settings");
            return new ApiStage
            {
                Name = IacValues.AsString(s.Body.Get("name")) ?? s.Address,
                Tags = IacTags.Terraform(s),
                AccessLogDestination = IacValue.Reference(s.Body.Block("access_log_settings"), "destination_arn"),
                ThrottlingRateLimit = Limit(defaults, "throttling_rate_limit"),
                ThrottlingBurstLimit = Limit(defaults, "throttling_burst_limit"),
                Line = IacScope.Near(r, s),
                Address = s.Address,
            };
        }).ToList();
        // Quick create: an API with a target gets a route (the $default unless route_key says otherwise) with no
        // authorization, and an auto-deployed $default stage with no logging or limits.
        if (b.Get("target") is not null)
        {
            routes.Add(Route(IacValues.AsString(b.Get("route_key")) ?? "$default", ApiOperation.Defaults.AuthorizationType, ApiOperation.Defaults.ApiKeyRequired, r.Line, r.Address));
            stages.Add(new ApiStage { Name = "$default", Line = r.Line, Address = r.Address });
        }
        var definition = OpenApiDefinition.FromTerraform(r, "body");
        return new GatewayApi
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            Protocol = IacValues.AsString(b.Get("protocol_type")) ?? "HTTP",
            EndpointType = GatewayApi.Defaults.HttpEndpointType,
            Operations = [.. definition.Operations, .. routes],
            Stages = stages,
            UnreadDefinition = definition.Unread,
        };
    }

    /// <summary>A v2 route from its route key: "GET /orders" splits into method and path; "$default" and WebSocket keys stay whole.</summary>
    internal static ApiOperation Route(string routeKey, Value<string> authorization, Value<bool> apiKeyRequired, int line, string? address)
    {
        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        return new ApiOperation
        {
            Method = space > 0 ? routeKey[..space] : routeKey,
            Path = space > 0 ? routeKey[(space + 1)..] : "",
            AuthorizationType = authorization,
            ApiKeyRequired = apiKeyRequired,
            Line = line,
            Address = address,
        };
    }

    /// <summary>"PRIVATE" when the endpoint types include it, else the first type; the default when none is set.</summary>
    internal static Value<string> EndpointType(object? types) => types switch
    {
        null => GatewayApi.Defaults.RestEndpointType,
        IacUnknown u => Value<string>.Unresolved(u.Expression),
        List<object?> list when list.Any(t => t is IacUnknown) => Value<string>.Unresolved(IacValue.Text(list.First(t => t is IacUnknown))),
        List<object?> list => list.Select(IacValues.AsString).Contains("PRIVATE") ? "PRIVATE" : IacValues.AsString(list.FirstOrDefault()) ?? GatewayApi.Defaults.RestEndpointType,
        _ => IacValues.AsString(types) ?? GatewayApi.Defaults.RestEndpointType,
    };

    /// <summary>A throttling limit: absent or negative (Terraform's -1 means "not set") is no limit.</summary>
    internal static Value<double?> Limit(IacBody? body, string attribute)
    {
        var value = body?.Get(attribute);
        Value<double?> limit = value switch
        {
            null => (double?)null,
            IacUnknown u => Value<double?>.Unresolved(u.Expression),
            _ when IacValues.AsNumber(value) is { } n => n < 0 ? null : (double)n,
            _ => Value<double?>.Unresolved(IacValue.Text(value)),
        };
        return limit.From(body?.OriginOf(attribute));
    }

    /// <summary>The path of a method's resource ("/orders/{id}"), following parent_id up to the API's root; "/" for the root.</summary>
    private static string PathOf(IacScope scope, object? resourceId)
    {
        var parts = new List<string>();
        for (var depth = 0; depth < 32 && resourceId is IacUnknown { Reference: { } reference } && scope.ByAddress(reference) is { Type: "aws_api_gateway_resource" } resource; depth++)
        {
            parts.Insert(0, IacValues.AsString(resource.Body.Get("path_part")) ?? "?");
            resourceId = resource.Body.Get("parent_id");
        }
        return "/" + string.Join('/', parts);
    }
}
