using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>A database, cache, object store or mail port published on every interface of the host.</summary>
public sealed class ComposeDataPortOnAllInterfaces : ComposeRule
{
    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        foreach (var value in service.Ports)
        {
            if (ComposePort.Parse(value.Value) is not { OnEveryInterface: true } port) continue;
            if (port.DataService() is not { } match) continue;
            var published = port.Published is null ? "a random host port" : $"host port {port.Published}";
            yield return (value,
                $"Service '{service.Name}' publishes its {match.What} port {port.Target} as {published} on every interface of the host (\"{value.Value}\"); on a host with a public IP only the security group stands between that port and the internet. Bind it to loopback (\"127.0.0.1:{port.Published ?? port.Target}:{port.Target}\") or remove `ports:` and reach it over the compose network.",
                "port:" + port.Target);
        }
    }
}
