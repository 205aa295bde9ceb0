using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.ApiGateway;

/// <summary>A stage with no stage-wide rate and burst limit is throttled only by the account's regional quota, shared by every API.</summary>
public sealed class ApiStageWithoutThrottling : ResourceRule<GatewayApi>
{
    public override IEnumerable<Finding> Check(GatewayApi api, RuleContext context)
    {
        foreach (var stage in api.Stages)
        {
            (string Name, Value<double?> Value, string Attribute)[] limits = [("rate", stage.ThrottlingRateLimit, nameof(ApiStage.ThrottlingRateLimit)), ("burst", stage.ThrottlingBurstLimit, nameof(ApiStage.ThrottlingBurstLimit))];
            if (limits.FirstOrDefault(l => !l.Value.IsKnown) is { Attribute: not null } unknown)
            {
                yield return context.Undecided(api, unknown.Value, stage.Line, stage.Name, unknown.Attribute, $"limits the request {unknown.Name} of stage {stage.Name}");
                continue;
            }
            var missing = limits.Where(l => l.Value.Known is null).Select(l => l.Name).ToList();
            if (missing.Count == 0) continue;
            var finding = context.OnStage(api, stage, missing.Contains("rate") ? stage.ThrottlingRateLimit : stage.ThrottlingBurstLimit,
                $"Stage {stage.Name} of {api.Kind()} {api.DisplayName} sets no {string.Join(" or ", missing)} limit, so one client can use the whole account quota of the region; set stage-wide throttling ({(api.Protocol == GatewayApi.Rest ? "method settings for */* with throttling_rate_limit and throttling_burst_limit" : "default_route_settings with throttling_rate_limit and throttling_burst_limit")}) sized for the expected peak.");
            // Medium on production, where a flood or a runaway client costs money and starves the other APIs; low elsewhere.
            yield return ApiGatewayJudge.IsProduction(api, stage) ? finding : finding with { Severity = context.Severity > Severity.Low ? Severity.Low : context.Severity };
        }
    }
}
