using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>What an API's OpenAPI definition declares: its operations, or why they could not be read.</summary>
internal sealed record OpenApiOperations(IReadOnlyList<ApiOperation> Operations, string? Unread)
{
    public static readonly OpenApiOperations None = new([], null);
}

/// <summary>
/// The operations an OpenAPI 3 or Swagger 2 definition declares (Terraform's `body`, CloudFormation's `Body`, SAM's
/// `DefinitionBody`), with the authorization each gets from its `security` (or the document's) and the API Gateway
/// extensions of the schemes it names: `x-amazon-apigateway-authtype` (awsSigv4, cognito_user_pools, custom) and
/// `x-amazon-apigateway-authorizer` (token, request, cognito_user_pools, jwt); an apiKey scheme without them is an API
/// key requirement. A definition that is not written where the scan can read it (file(), templatefile(), an S3
/// location) is reported as unread, so its operations are undecided rather than absent.
/// </summary>
internal static class OpenApiDefinition
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "x-amazon-apigateway-any-method"];

    /// <summary>Terraform's `body` of aws_api_gateway_rest_api or aws_apigatewayv2_api.</summary>
    public static OpenApiOperations FromTerraform(IacResource r, string attribute)
    {
        var b = r.Body;
        var line = b.LineOf(attribute) is > 0 and var l ? l : r.Line;
        // jsonencode({...}) is read before encoding, so one unknown leaf (a Lambda ARN in an integration) hides nothing else.
        if (b.Expression(attribute) is HclCall { Name: "jsonencode", Args: [var argument] } && b.Module is { } module)
            return Read(TerraformEvaluator.Instance.Eval(argument, module), line, r.Address);
        return b.Get(attribute) switch
        {
            null => OpenApiOperations.None,
            string text => Read(Json(text), line, r.Address),
            var other => Read(other, line, r.Address),
        };
    }

    /// <summary>CloudFormation's inline `Body` / `DefinitionBody`, or its S3 location (`BodyS3Location`, `DefinitionUri`), which the scan cannot read.</summary>
    public static OpenApiOperations FromCloudFormation(IacResource r, string bodyAttribute, string locationAttribute)
    {
        var b = r.Body;
        var line = b.LineOf(bodyAttribute) is > 0 and var l ? l : r.Line;
        if (b.Get(bodyAttribute) is { } body) return Read(body is string text ? Json(text) : body, line, r.Address);
        return b.Get(locationAttribute) switch
        {
            null => OpenApiOperations.None,
            string uri => new([], $"{locationAttribute} {uri}"),
            Dictionary<string, object?> location => new([], $"{locationAttribute} s3://{IacValues.AsString(location.GetValueOrDefault("Bucket")) ?? "?"}/{IacValues.AsString(location.GetValueOrDefault("Key")) ?? "?"}"),
            var other => new([], $"{locationAttribute} {IacValue.Text(other)}"),
        };
    }

    /// <summary>The operations of an evaluated definition (maps, lists, strings, unknowns); every operation at <paramref name="line"/>.</summary>
    internal static OpenApiOperations Read(object? definition, int line, string? address)
    {
        if (definition is IacUnknown unknown) return new([], unknown.Expression);
        if (definition is not Dictionary<string, object?> document) return new([], "an OpenAPI definition that is not a JSON object");
        var paths = document.GetValueOrDefault("paths");
        if (paths is IacUnknown unknownPaths) return new([], unknownPaths.Expression);
        if (paths is not Dictionary<string, object?> byPath) return OpenApiOperations.None;
        var schemes = (document.GetValueOrDefault("components") as Dictionary<string, object?>)?.GetValueOrDefault("securitySchemes")
            ?? document.GetValueOrDefault("securityDefinitions");
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in byPath)
        {
            if (item is not Dictionary<string, object?> methods) continue;
            foreach (var (method, operation) in methods)
            {
                if (!HttpMethods.Contains(method.ToLowerInvariant())) continue;
                var security = operation is Dictionary<string, object?> o && o.TryGetValue("security", out var own) ? own : document.GetValueOrDefault("security");
                var (authorization, apiKey) = Authorization(security, schemes);
                operations.Add(new ApiOperation
                {
                    Method = method == "x-amazon-apigateway-any-method" ? "ANY" : method.ToUpperInvariant(),
                    Path = path,
                    AuthorizationType = authorization,
                    ApiKeyRequired = apiKey,
                    Line = line,
                    Address = address,
                });
            }
        }
        return new(operations, null);
    }

    /// <summary>The authorization a `security` list asks for: the strongest scheme it names, and whether one is an API key.</summary>
    private static (Value<string>, Value<bool>) Authorization(object? security, object? schemes)
    {
        if (security is null) return (ApiOperation.Defaults.AuthorizationType, ApiOperation.Defaults.ApiKeyRequired);
        if (security is not List<object?> requirements) return Unresolved(IacValue.Text(security));
        string? authorization = null;
        var apiKey = false;
        foreach (var requirement in requirements)
        {
            if (requirement is not Dictionary<string, object?> names) return Unresolved(IacValue.Text(requirement));
            foreach (var name in names.Keys)
            {
                switch (Kind((schemes as Dictionary<string, object?>)?.GetValueOrDefault(name)))
                {
                    case "API_KEY": apiKey = true; break;
                    case { } kind: authorization ??= kind; break;
                    // A scheme API Gateway does not enforce, or one the definition does not declare: the scan cannot tell.
                    default: return Unresolved($"security scheme '{name}'");
                }
            }
        }
        return (authorization ?? ApiOperation.Defaults.AuthorizationType, apiKey);
    }

    /// <summary>AWS_IAM, COGNITO_USER_POOLS, CUSTOM, JWT or API_KEY; null when API Gateway would not enforce the scheme or it is not declared.</summary>
    private static string? Kind(object? scheme)
    {
        if (scheme is not Dictionary<string, object?> s) return null;
        var authType = IacValues.AsString(s.GetValueOrDefault("x-amazon-apigateway-authtype"))?.ToLowerInvariant();
        var authorizer = IacValues.AsString((s.GetValueOrDefault("x-amazon-apigateway-authorizer") as Dictionary<string, object?>)?.GetValueOrDefault("type"))?.ToLowerInvariant();
        if (authType == "awssigv4") return "AWS_IAM";
        if (authType == "cognito_user_pools" || authorizer == "cognito_user_pools") return "COGNITO_USER_POOLS";
        if (authorizer == "jwt") return "JWT";
        if (authorizer is "token" or "request" || authType == "custom") return "CUSTOM";
        return IacValues.AsString(s.GetValueOrDefault("type")) == "apiKey" ? "API_KEY" : null;
    }

    private static (Value<string>, Value<bool>) Unresolved(string expression) => (Value<string>.Unresolved(expression), Value<bool>.Unresolved(expression));

    /// <summary>A definition written as JSON text (a heredoc, a JSON string); YAML text is left unread.</summary>
    private static object? Json(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return IacValues.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return new IacUnknown("an OpenAPI definition that is not JSON");
        }
    }
}
