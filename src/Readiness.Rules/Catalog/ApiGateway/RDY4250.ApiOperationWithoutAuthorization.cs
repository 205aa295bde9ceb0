using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ApiGateway;

/// <summary>
/// A method or route that requires neither authorization nor an API key lets anyone on the internet call it. A private
/// REST API is reachable only through VPC endpoints and is skipped; OPTIONS (CORS preflight) is meant to be open; a
/// WebSocket API authorizes on $connect only. Operations of an OpenAPI definition are judged as declared ones; a
/// definition the scan cannot read (a file(), an S3 location) is one undecided finding.
/// </summary>
public sealed class ApiOperationWithoutAuthorization : ResourceRule<GatewayApi>
{
    public override IEnumerable<Finding> Check(GatewayApi api, RuleContext context)
    {
        if (api.IsPrivate) yield break;
        // Operations declared in a definition the scan could not read may be open: say so rather than pass them.
        if (api.UnreadDefinition is { } unread)
            yield return context.OnResource(api,
                $"Cannot decide whether the operations of {api.Kind()} {api.DisplayName} require authorization: its OpenAPI definition comes from '{unread}', which the scan cannot read. Write the definition inline (jsonencode in the body, or Body / DefinitionBody in the template) so it can be checked.",
                snippet: unread, fingerprintKey: "undecided:definition") with { Severity = Severity.Info, Undecided = true };
        var judged = api.Operations.Where(o => o.Method != "OPTIONS" && (api.Protocol != "WEBSOCKET" || o.Method == "$connect")).ToList();
        if (judged.Count == 0) yield break;
        if (!api.EndpointType.IsKnown)
        {
            yield return context.Undecided(api, nameof(GatewayApi.EndpointType), api.EndpointType.Expression, "is private (reachable only through VPC endpoints)");
            yield break;
        }
        var production = ApiGatewayJudge.IsProduction(api);
        foreach (var operation in judged)
        {
            if (!operation.AuthorizationType.IsKnown)
            {
                yield return context.Undecided(api, operation.AuthorizationType, operation.Line, operation.Display, nameof(ApiOperation.AuthorizationType), $"requires authorization on {operation.Display}");
                continue;
            }
            if (operation.AuthorizationType.Known != "NONE") continue;
            if (!operation.ApiKeyRequired.IsKnown)
            {
                yield return context.Undecided(api, operation.ApiKeyRequired, operation.Line, operation.Display, nameof(ApiOperation.ApiKeyRequired), $"requires an API key on {operation.Display}");
                continue;
            }
            if (operation.ApiKeyRequired.Known) continue;
            var what = api.Protocol == GatewayApi.Rest ? "Method" : "Route";
            var fix = api.Protocol == GatewayApi.Rest
                ? "set its authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with a Lambda authorizer, or require an API key with a usage plan"
                : "set its authorization type to JWT, AWS_IAM or CUSTOM with an authorizer";
            var finding = context.OnOperation(api, operation, operation.AuthorizationType,
                $"{what} {operation.Display} of {api.Kind()} {api.DisplayName} requires no authorization{(api.Protocol == GatewayApi.Rest ? " and no API key" : "")}, so anyone on the internet can call it; {fix}.");
            // High where it exposes production; elsewhere the same mistake waits to be promoted.
            yield return production ? finding : finding with { Severity = context.Severity > Severity.Medium ? Severity.Medium : context.Severity };
        }
    }
}
