using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// AWS::ApiGateway::RestApi (as CDK synthesizes it) with its methods, stages (AWS::ApiGateway::Stage, or a deployment's
/// StageName), and WAF associations; AWS::Serverless::Api (SAM) with the Api events of the functions that name it;
/// AWS::Serverless::HttpApi (SAM) with its Auth and the HttpApi events of the functions that name it;
/// AWS::ApiGatewayV2::Api with its routes and stages. Each also with the operations its inline OpenAPI definition
/// declares (Body, DefinitionBody); one in S3 (BodyS3Location, DefinitionUri) is recorded as unread.
/// </summary>
public sealed class ApiGatewayCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::ApiGateway::RestApi", "AWS::Serverless::Api", "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type switch
    {
        "AWS::ApiGateway::RestApi" => RestApi(r, scope),
        "AWS::Serverless::Api" => SamApi(r, scope),
        "AWS::Serverless::HttpApi" => SamHttpApi(r, scope),
        _ => HttpApi(r, scope),
    };

    private static GatewayApi RestApi(IacResource r, IacScope scope)
    {
        var methods = scope.Companions(r, "AWS::ApiGateway::Method", "RestApiId").Select(m => new ApiOperation
        {
            Method = IacValues.AsString(m.Body.Get("HttpMethod")) ?? "?",
            Path = PathOf(scope, m.Body.Get("ResourceId")),
            AuthorizationType = IacValue.String(m.Body, "AuthorizationType", ApiOperation.Defaults.AuthorizationType),
            ApiKeyRequired = IacValue.Bool(m.Body, "ApiKeyRequired", ApiOperation.Defaults.ApiKeyRequired),
            Line = IacScope.Near(r, m),
            Address = m.Address,
        }).ToList();
        var stages = scope.Companions(r, "AWS::ApiGateway::Stage", "RestApiId")
            .Select(s => Stage(r, s, s.Body, IacValues.AsString(s.Body.Get("StageName")) ?? s.Address, IacTags.CloudFormation(s)))
            .Concat(scope.Companions(r, "AWS::ApiGateway::Deployment", "RestApiId")
                .Where(d => d.Body.Get("StageName") is not null)
                .Select(d => Stage(r, d, d.Body.Block("StageDescription"), IacValues.AsString(d.Body.Get("StageName")) ?? d.Address, Tags(d.Body.Block("StageDescription")))))
            .ToList();
        var definition = OpenApiDefinition.FromCloudFormation(r, "Body", "BodyS3Location");
        return new GatewayApi
        {
            Id = IacScope.IdOf(r, "Name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = r.Body.Get("Name") as string,
            Protocol = GatewayApi.Rest,
            EndpointType = ApiGatewayTerraform.EndpointType(r.Body.Block("EndpointConfiguration")?.Get("Types")).From(r.Body.Block("EndpointConfiguration")?.OriginOf("Types")),
            Operations = [.. definition.Operations, .. methods],
            Stages = WithWebAcls(r, scope, stages),
            UnreadDefinition = definition.Unread,
        };
    }

    /// <summary>SAM: one stage (StageName), the Auth defaults, and the methods that functions' Api events add to this API.</summary>
    private static GatewayApi SamApi(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var auth = b.Block("Auth");
        var operations = new List<ApiOperation>();
        foreach (var (function, name, properties, authorizer) in SamEvents(r, scope, "Api", "RestApiId"))
        {
            var eventAuth = properties.Block("Auth");
            operations.Add(new ApiOperation
            {
                Method = (IacValues.AsString(properties.Get("Method")) ?? "?").ToUpperInvariant(),
                Path = IacValues.AsString(properties.Get("Path")) ?? "?",
                // A named authorizer is a Lambda or Cognito one; SAM spells IAM authorization "AWS_IAM".
                AuthorizationType = (authorizer.IsKnown ? Value<string>.Of(authorizer.Known is "NONE" or "AWS_IAM" ? authorizer.Known : "CUSTOM") : authorizer).From(authorizer.Origin),
                ApiKeyRequired = eventAuth?.Get("ApiKeyRequired") is not null ? IacValue.Bool(eventAuth, "ApiKeyRequired", false) : IacValue.Bool(auth, "ApiKeyRequired", false),
                Line = IacScope.Near(r, function),
                Address = $"{function.Address}.Events.{name}",
            });
        }
        var endpoint = b.Get("EndpointConfiguration") is Dictionary<string, object?> ? b.Block("EndpointConfiguration")!.Get("Type") : b.Get("EndpointConfiguration");
        var stage = Stage(r, r, b, IacValues.AsString(b.Get("StageName")) ?? r.Address, Tags(b));
        var definition = OpenApiDefinition.FromCloudFormation(r, "DefinitionBody", "DefinitionUri");
        return new GatewayApi
        {
            Id = IacScope.IdOf(r, "Name"),
            Provenance = IacScope.Provenance(r),
            Tags = Tags(b),
            Name = b.Get("Name") as string,
            Protocol = GatewayApi.Rest,
            EndpointType = ApiGatewayTerraform.EndpointType(endpoint).From(b.OriginOf("EndpointConfiguration")),
            Operations = [.. definition.Operations, .. operations],
            Stages = WithWebAcls(r, scope, [stage]),
            UnreadDefinition = definition.Unread,
        };
    }

    /// <summary>
    /// The events of type <paramref name="eventType"/> that SAM functions point at this API through
    /// <paramref name="apiIdProperty"/>, each with its authorizer: the event's own Auth.Authorizer or the API's DefaultAuthorizer.
    /// </summary>
    private static IEnumerable<(IacResource Function, string Name, IacBody Properties, Value<string> Authorizer)> SamEvents(IacResource api, IacScope scope, string eventType, string apiIdProperty)
    {
        var auth = api.Body.Block("Auth");
        foreach (var function in scope.Resources.Where(f => f.Type == "AWS::Serverless::Function"))
        {
            if (function.Body.Get("Events") is not Dictionary<string, object?> events) continue;
            foreach (var name in events.Keys)
            {
                var properties = function.Body.Block("Events")?.Block(name) is { } e && IacValues.AsString(e.Get("Type")) == eventType ? e.Block("Properties") : null;
                if (properties is null || IacValue.KeyOf(properties.Get(apiIdProperty)) != api.Address) continue;
                var eventAuth = properties.Block("Auth");
                var authorizer = eventAuth?.Get("Authorizer") is not null ? IacValue.String(eventAuth, "Authorizer", "NONE") : IacValue.String(auth, "DefaultAuthorizer", "NONE");
                yield return (function, name, properties, authorizer);
            }
        }
    }

    /// <summary>
    /// SAM HttpApi: its stage (StageName, default $default) with access logs and default route limits, and the routes the
    /// functions' HttpApi events add to it, each authorized by its own Auth.Authorizer or the API's DefaultAuthorizer: a
    /// JWT authorizer, a Lambda one (FunctionArn), AWS_IAM (EnableIamAuthorizer), or NONE.
    /// </summary>
    private static GatewayApi SamHttpApi(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var auth = b.Block("Auth");
        var routes = new List<ApiOperation>();
        foreach (var (function, name, properties, authorizer) in SamEvents(r, scope, "HttpApi", "ApiId"))
        {
            var method = (IacValues.AsString(properties.Get("Method")) ?? "ANY").ToUpperInvariant();
            routes.Add(ApiGatewayTerraform.Route(method == "ANY" && properties.Get("Path") is null ? "$default" : $"{method} {IacValues.AsString(properties.Get("Path")) ?? "?"}",
                (authorizer.IsKnown ? Value<string>.Of(SamHttpAuthorizer(auth, authorizer.Known!)) : authorizer).From(authorizer.Origin),
                ApiOperation.Defaults.ApiKeyRequired, IacScope.Near(r, function), $"{function.Address}.Events.{name}"));
        }
        var defaults = b.Block("DefaultRouteSettings");
        var stage = new ApiStage
        {
            Name = IacValues.AsString(b.Get("StageName")) ?? "$default",
            Tags = Tags(b),
            AccessLogDestination = IacValue.Reference(b.Block("AccessLogSettings"), "DestinationArn"),
            ThrottlingRateLimit = ApiGatewayTerraform.Limit(defaults, "ThrottlingRateLimit"),
            ThrottlingBurstLimit = ApiGatewayTerraform.Limit(defaults, "ThrottlingBurstLimit"),
            Line = r.Line,
            Address = r.Address,
        };
        var definition = OpenApiDefinition.FromCloudFormation(r, "DefinitionBody", "DefinitionUri");
        return new GatewayApi
        {
            Id = IacScope.IdOf(r, "Name"),
            Provenance = IacScope.Provenance(r),
            Tags = Tags(b),
            Name = b.Get("Name") as string,
            Protocol = "HTTP",
            EndpointType = GatewayApi.Defaults.HttpEndpointType,
            Operations = [.. definition.Operations, .. routes],
            Stages = [stage],
            UnreadDefinition = definition.Unread,
        };
    }

    /// <summary>The authorization type a SAM HttpApi authorizer name stands for.</summary>
    private static string SamHttpAuthorizer(IacBody? auth, string name) => name switch
    {
        "NONE" => "NONE",
        "AWS_IAM" => "AWS_IAM",
        _ => auth?.Block("Authorizers")?.Block(name) is { } authorizer && authorizer.Get("JwtConfiguration") is not null ? "JWT" : "CUSTOM",
    };

    private static GatewayApi HttpApi(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var routes = scope.Companions(r, "AWS::ApiGatewayV2::Route", "ApiId").Select(route => ApiGatewayTerraform.Route(
            IacValues.AsString(route.Body.Get("RouteKey")) ?? "?",
            IacValue.String(route.Body, "AuthorizationType", ApiOperation.Defaults.AuthorizationType),
            IacValue.Bool(route.Body, "ApiKeyRequired", ApiOperation.Defaults.ApiKeyRequired),
            IacScope.Near(r, route), route.Address)).ToList();
        var stages = scope.Companions(r, "AWS::ApiGatewayV2::Stage", "ApiId").Select(s =>
        {
            var defaults = s.Body.Block("DefaultRouteSettings");
            return new ApiStage
            {
                Name = IacValues.AsString(s.Body.Get("StageName")) ?? s.Address,
                Tags = Tags(s.Body),
                AccessLogDestination = IacValue.Reference(s.Body.Block("AccessLogSettings"), "DestinationArn"),
                ThrottlingRateLimit = ApiGatewayTerraform.Limit(defaults, "ThrottlingRateLimit"),
                ThrottlingBurstLimit = ApiGatewayTerraform.Limit(defaults, "ThrottlingBurstLimit"),
                Line = IacScope.Near(r, s),
                Address = s.Address,
            };
        }).ToList();
        // Quick create (Target): a route with no authorization and an auto-deployed $default stage with no logging or limits.
        if (b.Get("Target") is not null)
        {
            routes.Add(ApiGatewayTerraform.Route(IacValues.AsString(b.Get("RouteKey")) ?? "$default", ApiOperation.Defaults.AuthorizationType, ApiOperation.Defaults.ApiKeyRequired, r.Line, r.Address));
            stages.Add(new ApiStage { Name = "$default", Line = r.Line, Address = r.Address });
        }
        var definition = OpenApiDefinition.FromCloudFormation(r, "Body", "BodyS3Location");
        return new GatewayApi
        {
            Id = IacScope.IdOf(r, "Name"),
            Provenance = IacScope.Provenance(r),
            Tags = Tags(b),
            Name = b.Get("Name") as string,
            Protocol = IacValues.AsString(b.Get("ProtocolType")) ?? "HTTP",
            EndpointType = GatewayApi.Defaults.HttpEndpointType,
            Operations = [.. definition.Operations, .. routes],
            Stages = stages,
            UnreadDefinition = definition.Unread,
        };
    }

    /// <summary>A REST stage from the properties that configure it (a Stage, a deployment's StageDescription, a SAM Api).</summary>
    private static ApiStage Stage(IacResource api, IacResource declared, IacBody? settings, string name, IReadOnlyDictionary<string, string> tags)
    {
        // Stage-wide limits: a MethodSettings entry for every method ("/*" and "*"), or a deployment's own throttling properties.
        var stageWide = settings?.Blocks("MethodSettings").LastOrDefault(m =>
            IacValues.AsString(m.Get("ResourcePath")) is "/*" or null && IacValues.AsString(m.Get("HttpMethod")) is "*" or null);
        var limits = stageWide ?? (settings?.Get("ThrottlingRateLimit") is not null || settings?.Get("ThrottlingBurstLimit") is not null ? settings : null);
        return new ApiStage
        {
            Name = name,
            Tags = tags,
            AccessLogDestination = IacValue.Reference(settings?.Block("AccessLogSetting"), "DestinationArn"),
            ThrottlingRateLimit = ApiGatewayTerraform.Limit(limits, "ThrottlingRateLimit"),
            ThrottlingBurstLimit = ApiGatewayTerraform.Limit(limits, "ThrottlingBurstLimit"),
            Line = IacScope.Near(api, declared),
            Address = declared.Address,
        };
    }

    /// <summary>
    /// The web ACL of each stage. An association's ResourceArn is a !Sub or Fn::Join of the API and the stage, so it is
    /// told apart by the stage it names ("/stages/prod", ${ProdStage}); one that names none belongs to a lone stage.
    /// </summary>
    private static IReadOnlyList<ApiStage> WithWebAcls(IacResource api, IacScope scope, IReadOnlyList<ApiStage> stages)
    {
        var associations = scope.Companions(api, "AWS::WAFv2::WebACLAssociation", "ResourceArn");
        if (associations.Count == 0) return stages;
        return stages.Select(stage =>
        {
            var direct = stage.Address is { } address && scope.ByAddress(address) is { } declared && declared != api
                ? scope.Companions(declared, "AWS::WAFv2::WebACLAssociation", "ResourceArn") : [];
            var acl = direct.FirstOrDefault()
                ?? associations.FirstOrDefault(a => Names(IacValue.Text(a.Body.Get("ResourceArn")), stage))
                ?? (stages.Count == 1 ? associations[0] : null);
            return acl is null ? stage : stage with { WebAclArn = IacValue.Reference(acl.Body, "WebACLArn") };
        }).ToList();
    }

    private static bool Names(string resourceArn, ApiStage stage) =>
        resourceArn.Contains("/stages/" + stage.Name, StringComparison.Ordinal)
        || (stage.Address is { } address && (resourceArn.Contains("${" + address + "}", StringComparison.Ordinal) || resourceArn.Contains("Ref: " + address, StringComparison.Ordinal)));

    /// <summary>The path of a method's resource ("/orders/{id}"), following ParentId up to the API's root; "/" for the root.</summary>
    private static string PathOf(IacScope scope, object? resourceId)
    {
        var parts = new List<string>();
        for (var depth = 0; depth < 32 && resourceId is IacUnknown { Reference: { } reference } && scope.ByAddress(reference) is { Type: "AWS::ApiGateway::Resource" } resource; depth++)
        {
            parts.Insert(0, IacValues.AsString(resource.Body.Get("PathPart")) ?? "?");
            resourceId = resource.Body.Get("ParentId");
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>Tags as a map (ApiGatewayV2, SAM, a deployment's StageDescription) or a Key/Value list.</summary>
    private static IReadOnlyDictionary<string, string> Tags(IacBody? body) => body?.Get("Tags") switch
    {
        Dictionary<string, object?> map => map.Where(t => t.Value is string).ToDictionary(t => t.Key, t => (string)t.Value!),
        List<object?> list => list.OfType<Dictionary<string, object?>>()
            .Where(t => t.GetValueOrDefault("Key") is string && t.GetValueOrDefault("Value") is string)
            .GroupBy(t => (string)t["Key"]!).ToDictionary(g => g.Key, g => (string)g.Last()["Value"]!),
        _ => new Dictionary<string, string>(),
    };
}
