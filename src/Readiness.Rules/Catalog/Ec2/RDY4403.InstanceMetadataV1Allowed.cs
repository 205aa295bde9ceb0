using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ec2;

/// <summary>EC2.8: IMDSv1 answers a plain GET, so a server-side request forgery reads the instance role's credentials.</summary>
public sealed class InstanceMetadataV1Allowed : ResourceRule<Ec2Instance>
{
    public override IEnumerable<Finding> Check(Ec2Instance instance, RuleContext context)
    {
        if (instance.HttpEndpoint is { IsKnown: true, Known: "disabled" }) return [];
        // An instance that takes its metadata options from a launch template is judged through the template.
        if (instance.HttpTokens is { IsKnown: true, Known: null }) return [];
        var kind = instance.IsLaunchTemplate ? "Launch template" : "EC2 instance";
        return CloudJudge.Judge(context, instance, instance.HttpTokens, nameof(Ec2Instance.HttpTokens), "requires IMDSv2 session tokens",
            tokens => tokens != "required",
            () => context.OnResource(instance, $"{kind} {instance.DisplayName} allows IMDSv1 (http_tokens is {instance.HttpTokens.Known}), so a server-side request forgery can read its role credentials; set metadata_options http_tokens = \"required\".", nameof(Ec2Instance.HttpTokens)));
    }
}
