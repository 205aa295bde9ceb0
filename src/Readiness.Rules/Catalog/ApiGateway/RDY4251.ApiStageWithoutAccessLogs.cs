using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ApiGateway;

/// <summary>APIGateway.9: a stage that writes no access log leaves no record of who called which route.</summary>
public sealed class ApiStageWithoutAccessLogs : ResourceRule<GatewayApi>
{
    public override IEnumerable<Finding> Check(GatewayApi api, RuleContext context)
    {
        foreach (var stage in api.Stages)
        {
            if (!stage.AccessLogDestination.IsKnown)
                yield return context.Undecided(api, stage.AccessLogDestination, stage.Line, stage.Name, nameof(ApiStage.AccessLogDestination), $"writes access logs for stage {stage.Name}");
            else if (stage.AccessLogDestination.Known is null)
                yield return context.OnStage(api, stage, stage.AccessLogDestination,
                    $"Stage {stage.Name} of {api.Kind()} {api.DisplayName} writes no access log; set its access log settings to a CloudWatch log group (destination ARN and a JSON format with the request id, caller IP, route and status).");
        }
    }
}
