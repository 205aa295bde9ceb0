using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ApiGateway;

/// <summary>APIGateway.4: a production stage of an internet-facing REST API with no WAF web ACL takes every request straight to the backend.</summary>
public sealed class ApiProductionStageWithoutWaf : ResourceRule<GatewayApi>
{
    public override IEnumerable<Finding> Check(GatewayApi api, RuleContext context)
    {
        // HTTP and WebSocket APIs cannot carry a web ACL; a private REST API is not reachable from the internet.
        if (api.Protocol != GatewayApi.Rest || api.IsPrivate) yield break;
        foreach (var stage in api.Stages.Where(s => ApiGatewayJudge.IsProduction(api, s)))
        {
            if (!api.EndpointType.IsKnown)
                yield return context.Undecided(api, api.EndpointType, stage.Line, stage.Name, nameof(GatewayApi.EndpointType), "is private (reachable only through VPC endpoints)");
            else if (!stage.WebAclArn.IsKnown)
                yield return context.Undecided(api, stage.WebAclArn, stage.Line, stage.Name, nameof(ApiStage.WebAclArn), $"protects stage {stage.Name} with a WAF web ACL");
            else if (stage.WebAclArn.Known is null)
                yield return context.OnStage(api, stage, stage.WebAclArn,
                    $"Production stage {stage.Name} of REST API {api.DisplayName} has no WAF web ACL; associate a regional web ACL with rate limiting and the AWS managed common rule set with the stage's ARN.");
        }
    }
}
