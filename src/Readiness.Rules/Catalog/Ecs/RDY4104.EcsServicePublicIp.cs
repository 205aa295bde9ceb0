using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>ECS.2: a production service whose tasks get public IP addresses, reachable past the load balancer.</summary>
public sealed class EcsServicePublicIp : ResourceRule<EcsService>
{
    public override IEnumerable<Finding> Check(EcsService service, RuleContext context)
    {
        if (context.Bool("production_only") && !CloudJudge.IsProduction(service)) return [];
        return CloudJudge.Judge(context, service, service.AssignPublicIp, nameof(EcsService.AssignPublicIp), "keeps its tasks off public IP addresses",
            assign => assign,
            () => context.OnResource(service, $"ECS service {service.DisplayName} is a production service that gives each task a public IP address, so only the task's security group stands between the container and the internet, past the load balancer and its WAF; set `assign_public_ip = false`, run the tasks in private subnets and reach the internet through a NAT gateway or VPC endpoints.", nameof(EcsService.AssignPublicIp)));
    }
}
