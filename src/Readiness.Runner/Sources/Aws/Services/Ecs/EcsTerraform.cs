using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_ecs_task_definition (with its container definitions) and aws_ecs_service.</summary>
public sealed class EcsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_ecs_task_definition", "aws_ecs_service"];
    public IReadOnlyList<string> NameAttributes => ["family", "name"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        if (r.Type == "aws_ecs_service")
        {
            var network = b.Block("network_configuration");
            return new EcsService
            {
                Id = IacScope.IdOf(r, "name"),
                Provenance = IacScope.Provenance(r),
                Tags = IacTags.Terraform(r),
                Name = b.Get("name") as string,
                LaunchType = b.Get("launch_type") as string,
                AssignPublicIp = IacValue.Bool(network, "assign_public_ip", EcsService.Defaults.AssignPublicIp),
                TaskDefinition = IacValue.Reference(b, "task_definition"),
            };
        }
        return new EcsTaskDefinition
        {
            Id = IacScope.IdOf(r, "family"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Family = b.Get("family") as string,
            NetworkMode = IacValue.String(b, "network_mode", EcsTaskDefinition.Defaults.NetworkMode),
            PidMode = IacValue.Optional(b, "pid_mode"),
            TaskRole = IacValue.Reference(b, "task_role_arn"),
            ExecutionRole = IacValue.Reference(b, "execution_role_arn"),
            Containers = EcsContainerDefinitions.FromTerraform(r, "container_definitions"),
        };
    }
}
