using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>The image exposes port 22 or installs an SSH server.</summary>
public sealed partial class DockerfileSshServer : DockerfileRule
{
    [GeneratedRegex(@"\b(?:apt-get|apt|apk|yum|dnf|microdnf|zypper)\b[^;&|\n]*\b(?:openssh-server|dropbear)\b")]
    private static partial Regex InstallsSshServer();

    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        foreach (var instruction in DockerfileFacts.ImageInstructions(final))
        {
            if (instruction.Keyword == "EXPOSE" && instruction.Expanded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(p => p.Split('/')[0] == "22"))
            {
                yield return At(context, dockerfile, instruction,
                    $"{dockerfile.File.Path} exposes port 22 (SSH) from the image; remove the EXPOSE and the SSH server, and use `aws ecs execute-command` (ECS Exec) or `docker exec` through SSM Session Manager to reach a running container.",
                    fingerprintKey: "expose-22");
            }
            else if (instruction.Keyword == "RUN" && InstallsSshServer().IsMatch(instruction.CommandText))
            {
                yield return At(context, dockerfile, instruction,
                    $"{dockerfile.File.Path} installs an SSH server in the image, a second way in with its own keys or passwords to manage; remove it and use `aws ecs execute-command` (ECS Exec) or `docker exec` through SSM Session Manager instead.",
                    fingerprintKey: "sshd");
            }
        }
    }
}
