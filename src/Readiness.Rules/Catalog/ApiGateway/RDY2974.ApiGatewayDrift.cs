using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ApiGateway;

/// <summary>
/// A live API weaker than its definition in code: a method or route (matched by method and path) that takes requests
/// with no authorization where the code requires some, or a stage (matched by name) whose access logging or WAF web ACL
/// the code sets and the live stage has lost.
/// </summary>
public sealed class ApiGatewayDrift : ResourceRule<GatewayApi>
{
    public override IEnumerable<Finding> Check(GatewayApi live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not GatewayApi code) yield break;

        foreach (var operation in live.Operations.Where(Open))
        {
            var coded = code.Operations.FirstOrDefault(o => o.Display == operation.Display);
            if (coded is null || !coded.AuthorizationType.IsKnown || !coded.ApiKeyRequired.IsKnown || Open(coded)) continue;
            yield return context.OnOperation(live, operation, operation.AuthorizationType,
                    $"{operation.Display} of {live.Kind()} {live.DisplayName} takes requests with no authorization in the live account but its code ({code.DisplayName}) requires {Requirement(coded)}; someone changed it outside the code: apply the code (terraform apply, or update the stack, then deploy the API) and find out who changed it.")
                with { FingerprintKey = $"drift:operation:{operation.Display}", Properties = Properties("authorization " + operation.Display, Requirement(coded), "NONE") };
        }

        foreach (var stage in live.Stages)
        {
            var coded = code.Stages.FirstOrDefault(s => s.Name == stage.Name);
            if (coded is null) continue;
            if (coded.AccessLogDestination is { IsKnown: true, Known: not null } && stage.AccessLogDestination is { IsKnown: true, Known: null })
            {
                yield return context.OnStage(live, stage, stage.AccessLogDestination,
                        $"Stage {stage.Name} of {live.Kind()} {live.DisplayName} writes no access logs in the live account but its code ({code.DisplayName}) sends them to {coded.AccessLogDestination.Known}; someone turned them off outside the code: apply the code (terraform apply, or update the stack) and find out who changed it.")
                    with { Severity = Medium(context), FingerprintKey = $"drift:stage:{stage.Name}:AccessLogDestination", Properties = Properties("access logs " + stage.Name, coded.AccessLogDestination.Known!, "none") };
            }
            if (coded.WebAclArn is { IsKnown: true, Known: not null } && stage.WebAclArn is { IsKnown: true, Known: null })
            {
                yield return context.OnStage(live, stage, stage.WebAclArn,
                        $"Stage {stage.Name} of {live.Kind()} {live.DisplayName} has no WAF web ACL in the live account but its code ({code.DisplayName}) associates one; someone removed the association outside the code: apply the code (terraform apply, or update the stack) and find out who removed it.")
                    with { Severity = Medium(context), FingerprintKey = $"drift:stage:{stage.Name}:WebAclArn", Properties = Properties("web ACL " + stage.Name, coded.WebAclArn.Known!, "none") };
            }
        }
    }

    /// <summary>A lost layer of defence is medium, or lower when the ruleset lowers the rule.</summary>
    private static Severity Medium(RuleContext context) => context.Severity > Severity.Medium ? Severity.Medium : context.Severity;

    /// <summary>Known to take requests with no authorization and no API key.</summary>
    private static bool Open(ApiOperation operation) =>
        operation.AuthorizationType is { IsKnown: true, Known: "NONE" } && operation.ApiKeyRequired is { IsKnown: true, Known: false };

    private static string Requirement(ApiOperation operation) =>
        operation.AuthorizationType.Known is "NONE" ? "an API key" : operation.AuthorizationType.Known!;

    private static Dictionary<string, string> Properties(string attribute, string inCode, string inLive) =>
        new() { ["attribute"] = attribute, ["code"] = inCode, ["live"] = inLive };
}
