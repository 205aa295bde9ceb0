using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Catalog.Ecs;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// A service that can take over the host: privileged, host network, the Docker socket mounted, cap_add ALL or
/// SYS_ADMIN, or a sensitive host path (/, /etc, /root, /var/lib/docker...) mounted writable. ECS task definitions are
/// judged here too (one rule id for a container that can take over its host): a privileged container, the host's network
/// or process namespace, capabilities ALL or SYS_ADMIN.
/// </summary>
public sealed class ComposePrivilegedContainer : ComposeRule
{
    private static readonly HashSet<string> SensitiveHostPaths = new(StringComparer.Ordinal)
    {
        "/", "/etc", "/root", "/boot", "/usr", "/bin", "/sbin", "/lib", "/var/lib/docker", "/proc", "/sys", "/dev", "/home",
    };

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        const string Advice = "grant only what it needs: no privileged mode, bridge networking with explicit ports, named volumes or read-only mounts, and individual capabilities (NET_BIND_SERVICE) instead of ALL";
        if (service.Privileged?.Value.ToLowerInvariant() is "true" or "yes")
            yield return (service.Privileged, $"Service '{service.Name}' runs privileged, with every capability and access to the host's devices, so a compromise of the container is a compromise of the host; remove `privileged: true` and {Advice}.", "privileged");
        if (service.NetworkMode?.Value == "host")
            yield return (service.NetworkMode, $"Service '{service.Name}' uses the host's network (`network_mode: host`), so every port it listens on is open on the host's interfaces, past Docker's port mapping; remove it, use the default bridge network and publish only the ports needed, bound to 127.0.0.1 where possible.", "network-host");
        foreach (var cap in service.CapAdd.Where(c => c.Value.ToUpperInvariant() is "ALL" or "SYS_ADMIN" or "CAP_SYS_ADMIN"))
            yield return (cap, $"Service '{service.Name}' adds the capability {cap.Value}, which is close to root on the host (mount, namespaces, devices); remove it and {Advice}.", "cap:" + cap.Value.ToUpperInvariant());
        foreach (var volume in service.Volumes)
        {
            var (source, readOnly) = Mount(volume.Value);
            if (source is "/var/run/docker.sock" or "/run/docker.sock")
                yield return (volume, $"Service '{service.Name}' mounts the Docker socket ({source}), which gives it full control of the Docker daemon and therefore root on the host; remove the mount, or put a restricted proxy (tecnativa/docker-socket-proxy with only the API calls needed) in front of it.", "docker-sock");
            else if (source is not null && !readOnly && SensitiveHostPaths.Contains(source.TrimEnd('/').Length == 0 ? "/" : source.TrimEnd('/')))
                yield return (volume, $"Service '{service.Name}' mounts the host path {source} writable, so the container can change the host's system files; mount only the folder it needs, read-only (`{source}:/host{(source == "/" ? "" : source)}:ro`), or use a named volume.", "mount:" + source);
        }
    }

    /// <summary>The host path of a bind mount ("/etc:/host/etc:ro" or long syntax), and whether it is read-only.</summary>
    private static (string? Source, bool ReadOnly) Mount(string value)
    {
        if (value.Contains('=', StringComparison.Ordinal))
        {
            var fields = value.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
            return (fields.GetValueOrDefault("source"), fields.GetValueOrDefault("read_only") is "true" or "True");
        }
        var parts = value.Split(':');
        if (parts.Length < 2 || !parts[0].StartsWith('/')) return (null, false);
        return (parts[0], parts.Length >= 3 && parts[2].Split(',').Contains("ro"));
    }

    protected override IEnumerable<Finding> CheckTaskDefinition(EcsTaskDefinition task, RuleContext context)
    {
        const string Asked = "keeps its containers isolated from the host";
        foreach (var finding in CloudJudge.Judge(context, task, task.NetworkMode, nameof(EcsTaskDefinition.NetworkMode), Asked, mode => mode == "host",
            () => context.OnResource(task, $"ECS task definition {task.DisplayName} uses the host's network (`network_mode = \"host\"`), so its containers listen on the instance's interfaces past any port mapping and can reach the instance metadata service; use `awsvpc` (with its own security group) or `bridge`.", nameof(EcsTaskDefinition.NetworkMode), fingerprintKey: "network-host")))
            yield return finding;
        foreach (var finding in CloudJudge.Judge(context, task, task.PidMode, nameof(EcsTaskDefinition.PidMode), Asked, mode => mode == "host",
            () => context.OnResource(task, $"ECS task definition {task.DisplayName} shares the host's process namespace (`pid_mode = \"host\"`), so its containers see and can signal every process on the instance, other tasks and the ECS agent included; remove pid_mode (or use \"task\").", nameof(EcsTaskDefinition.PidMode), fingerprintKey: "pid-host")))
            yield return finding;
        foreach (var finding in EcsContainers.Each(context, task, Asked, container => CheckContainer(task, container, context, Asked)))
            yield return finding;
    }

    private static IEnumerable<Finding> CheckContainer(EcsTaskDefinition task, EcsContainer container, RuleContext context, string asked)
    {
        foreach (var finding in EcsContainers.Judge(context, task, container, container.Privileged, "privileged", asked, privileged => privileged,
            () => EcsContainers.On(context, task, container, container.Privileged, "privileged",
                $"The {EcsContainers.Describe(task, container)} runs privileged, with every capability and access to the instance's devices, so a compromise of the container is a compromise of the EC2 instance and every task on it; remove `privileged` (Fargate rejects it) and add only the capabilities it needs in linuxParameters.",
                "privileged")))
            yield return finding;
        foreach (var cap in container.CapabilitiesAdded)
        {
            if (!cap.IsKnown) yield return EcsContainers.Undecided(context, task, container, cap, "linuxParameters.capabilities.add", asked);
            else if (cap.Known!.ToUpperInvariant() is "ALL" or "SYS_ADMIN" or "CAP_SYS_ADMIN")
                yield return EcsContainers.On(context, task, container, cap, "linuxParameters.capabilities.add",
                    $"The {EcsContainers.Describe(task, container)} adds the capability {cap.Known}, which is close to root on the instance (mount, namespaces, devices); remove it and add only individual capabilities such as NET_BIND_SERVICE.",
                    "cap:" + cap.Known.ToUpperInvariant());
        }
    }
}

