namespace Readiness.Rules.Model.Cloud;

// API Gateway: REST APIs (v1) and HTTP and WebSocket APIs (v2), each with the methods or routes it serves and its
// stages. Absent attributes take the defaults written once in each record's Defaults; every source (Terraform,
// CloudFormation, live, inventory) reads them from there.

/// <summary>An API Gateway API: a REST API, or an HTTP or WebSocket API, with its operations and stages.</summary>
public sealed record GatewayApi : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        /// <summary>A REST API created without an endpoint configuration is edge-optimized.</summary>
        public const string RestEndpointType = "EDGE";

        /// <summary>HTTP and WebSocket APIs are always regional.</summary>
        public const string HttpEndpointType = "REGIONAL";
    }

    public const string Rest = "REST";

    public override string Service => "apigateway";
    public override string Type => Protocol == Rest ? "restapi" : "api";

    public string? Name { get; init; }

    /// <summary>"REST" (API Gateway v1), "HTTP" or "WEBSOCKET" (v2).</summary>
    public string Protocol { get; init; } = Rest;

    /// <summary>The API's id in AWS (a1b2c3d4e5), when known (live).</summary>
    public string? ApiId { get; init; }

    /// <summary>"EDGE", "REGIONAL" or "PRIVATE"; a private REST API is reachable only through VPC endpoints.</summary>
    public Value<string> EndpointType { get; init; } = Defaults.RestEndpointType;

    /// <summary>The methods of a REST API or the routes of an HTTP or WebSocket API.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; init; } = [];

    public IReadOnlyList<ApiStage> Stages { get; init; } = [];

    /// <summary>
    /// Where the API's OpenAPI definition comes from when the scan could not read it (file("openapi.yaml"), an S3
    /// location): its operations are not in <see cref="Operations"/> and are undecided. Null when there is none or it was read.
    /// </summary>
    public string? UnreadDefinition { get; init; }

    public bool IsPrivate => EndpointType is { IsKnown: true, Known: "PRIVATE" };
}

/// <summary>
/// A REST API method (GET on /orders) or a v2 route (route key "GET /orders", "$default", "$connect"). Line is where
/// it is declared when that is in the API's file (0 for live); Address its Terraform address or logical id.
/// </summary>
public sealed record ApiOperation
{
    /// <summary>What AWS applies when the attribute is not set.</summary>
    public static class Defaults
    {
        public const string AuthorizationType = "NONE";
        public const bool ApiKeyRequired = false;
    }

    /// <summary>The HTTP method ("GET", "ANY"), or the whole route key of a WebSocket or $default route.</summary>
    public required string Method { get; init; }

    /// <summary>The resource path or route path ("/orders/{id}"); empty for a route key without one ("$default").</summary>
    public string Path { get; init; } = "";

    /// <summary>"NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS" (REST) or "JWT" (HTTP).</summary>
    public Value<string> AuthorizationType { get; init; } = Defaults.AuthorizationType;
    public Value<bool> ApiKeyRequired { get; init; } = Defaults.ApiKeyRequired;
    public int Line { get; init; }
    public string? Address { get; init; }

    /// <summary>"GET /orders", "$default": how messages name the operation.</summary>
    public string Display => Path.Length == 0 ? Method : $"{Method} {Path}";
}

/// <summary>
/// A stage of an API (prod, $default) with the settings the launch checks read. Line and Address as for
/// <see cref="ApiOperation"/>.
/// </summary>
public sealed record ApiStage
{
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Where access logs go (a CloudWatch log group or Firehose ARN); null when access logging is off.</summary>
    public Value<string?> AccessLogDestination { get; init; } = (string?)null;

    /// <summary>
    /// The stage-wide request rate limit (REST: method settings for "*/*"; v2: default route settings); null when the
    /// stage sets none and only the account-level quota applies.
    /// </summary>
    public Value<double?> ThrottlingRateLimit { get; init; } = (double?)null;

    /// <summary>The stage-wide burst limit, as <see cref="ThrottlingRateLimit"/>.</summary>
    public Value<double?> ThrottlingBurstLimit { get; init; } = (double?)null;

    /// <summary>The WAF web ACL associated with a REST stage; null when none is. HTTP APIs cannot carry one.</summary>
    public Value<string?> WebAclArn { get; init; } = (string?)null;

    public int Line { get; init; }
    public string? Address { get; init; }
}
