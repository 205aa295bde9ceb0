using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::ECS::TaskDefinition (CDK's FargateTaskDefinition and Ec2TaskDefinition synthesize it) and AWS::ECS::Service.</summary>
public sealed class EcsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::ECS::TaskDefinition", "AWS::ECS::Service"];
    public IReadOnlyList<string> NameAttributes => ["Family", "ServiceName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        if (r.Type == "AWS::ECS::Service")
        {
            var network = b.Block("NetworkConfiguration")?.Block("AwsvpcConfiguration");
            var assign = IacValue.String(network, "AssignPublicIp", "DISABLED");
            return new EcsService
            {
                Id = IacScope.IdOf(r, "ServiceName"),
                Provenance = IacScope.Provenance(r),
                Tags = IacTags.CloudFormation(r),
                Name = b.Get("ServiceName") as string,
                LaunchType = b.Get("LaunchType") as string,
                AssignPublicIp = (assign.IsKnown ? Value<bool>.Of(assign.Known == "ENABLED") : Value<bool>.Unresolved(assign.Expression!)).From(assign.Origin),
                TaskDefinition = IacValue.Reference(b, "TaskDefinition"),
            };
        }
        return new EcsTaskDefinition
        {
            Id = IacScope.IdOf(r, "Family"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Family = b.Get("Family") as string,
            NetworkMode = IacValue.String(b, "NetworkMode", EcsTaskDefinition.Defaults.NetworkMode),
            PidMode = IacValue.Optional(b, "PidMode"),
            TaskRole = IacValue.Reference(b, "TaskRoleArn"),
            ExecutionRole = IacValue.Reference(b, "ExecutionRoleArn"),
            Containers = EcsContainerDefinitions.FromCloudFormation(b, "ContainerDefinitions"),
        };
    }
}
