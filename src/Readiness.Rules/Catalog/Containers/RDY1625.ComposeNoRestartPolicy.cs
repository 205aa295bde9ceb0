using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>A production service with no restart policy: after a crash or a host reboot it stays down.</summary>
public sealed class ComposeNoRestartPolicy : ComposeRule
{
    protected override bool ProductionOnly => true;

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        if (service.HasRestartPolicy) yield break;
        var at = service.Restart ?? Declaration(service);
        yield return (at, $"Service '{service.Name}' has no restart policy{(service.Restart is null ? "" : $" (restart: {service.Restart.Value})")}, so after a crash or a reboot of the host it stays down until someone starts it; add `restart: unless-stopped` (or `deploy.restart_policy`).", "restart");
    }
}
