using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>A live ECS service that assigns public IP addresses to its tasks where its code does not.</summary>
public sealed class EcsServiceDrift : ResourceRule<EcsService>
{
    public override IEnumerable<Finding> Check(EcsService live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not EcsService code) yield break;
        if (code.AssignPublicIp is not { IsKnown: true, Known: false } || live.AssignPublicIp is not { IsKnown: true, Known: true }) yield break;
        yield return context.OnResource(live,
            $"ECS service {live.DisplayName} assigns public IP addresses to its tasks in the live account but its code ({code.DisplayName}) says it does not; someone changed its network configuration outside the code: apply the code (terraform apply, or update the stack) and find out who changed it.",
            nameof(EcsService.AssignPublicIp), fingerprintKey: "drift:AssignPublicIp",
            properties: new Dictionary<string, string> { ["attribute"] = nameof(EcsService.AssignPublicIp), ["code"] = "false", ["live"] = "true" });
    }
}
