using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ApiGateway;

/// <summary>Shared steps of the API Gateway rules: which stages are production, and where a finding on a stage or an operation points.</summary>
internal static class ApiGatewayJudge
{
    /// <summary>A stage is production when its API, its name ("prod") or its tags say so.</summary>
    public static bool IsProduction(GatewayApi api, ApiStage stage) => CloudJudge.IsProduction(api) || CloudJudge.IsProduction(stage.Tags, stage.Name);

    /// <summary>An API serves production when it or any of its stages is production.</summary>
    public static bool IsProduction(GatewayApi api) => CloudJudge.IsProduction(api) || api.Stages.Any(s => CloudJudge.IsProduction(s.Tags, s.Name));

    /// <summary>"REST API", "HTTP API", "WebSocket API": the kind of API, for messages.</summary>
    public static string Kind(this GatewayApi api) => api.Protocol switch
    {
        GatewayApi.Rest => "REST API",
        "WEBSOCKET" => "WebSocket API",
        _ => "HTTP API",
    };

    /// <summary>
    /// A finding about one stage: where the code sets <paramref name="value"/>, else at the stage's declaration; for a
    /// live API linked to its definition, at the definition's stage of the same name.
    /// </summary>
    public static Finding OnStage(this RuleContext context, GatewayApi api, ApiStage stage, IValue value, string message) =>
        On(context, api, value, DeclaredLine(api, stage.Line, d => d.Stages.FirstOrDefault(s => s.Name == stage.Name)?.Line), message, "stage:" + stage.Name);

    /// <summary>As <see cref="OnStage"/>, for one method or route.</summary>
    public static Finding OnOperation(this RuleContext context, GatewayApi api, ApiOperation operation, IValue value, string message) =>
        On(context, api, value, DeclaredLine(api, operation.Line, d => d.Operations.FirstOrDefault(o => o.Display == operation.Display)?.Line), message, "operation:" + operation.Display);

    /// <summary>
    /// The rule cannot decide for one stage or operation: an info-level finding where the unresolved value is written
    /// (else at the part's line), keyed by the part.
    /// </summary>
    public static Finding Undecided(this RuleContext context, GatewayApi api, IValue value, int line, string part, string attribute, string whatIsAsked) =>
        context.Undecided(api, attribute, value.Expression, whatIsAsked).At(value.Origin is { InFileAt: true } o && o.File == api.Provenance.File ? o.Line : line)
            with { FingerprintKey = $"undecided:{part}:{attribute}" };

    private static Finding On(RuleContext context, GatewayApi api, IValue value, int line, string message, string key) =>
        value.Origin is { InFileAt: true } && !api.Provenance.IsLive
            ? context.OnResource(api, message, nameof(GatewayApi.Stages), fingerprintKey: key, value: value)
            : context.OnResource(api, message, fingerprintKey: key, line: line);

    private static int DeclaredLine(GatewayApi api, int line, Func<GatewayApi, int?> declared) =>
        api.Provenance.IsLive ? api.Definition is GatewayApi definition ? declared(definition) ?? 0 : 0 : line;
}
