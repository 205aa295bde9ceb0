using Readiness.Rules.Catalog.Ecs;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// Debug settings or development tools in a production compose configuration: DEBUG=True, NODE_ENV=development,
/// ASPNETCORE_ENVIRONMENT=Development, FLASK_DEBUG=1; a development server as command (manage.py runserver, nodemon);
/// MailHog, Mailpit, Adminer, pgAdmin, phpMyAdmin services.
/// Local-only configurations are not judged: there these settings are the point.
/// ECS task definitions are judged here too (one rule id for a debug setting whatever runs the container): the same
/// settings in a container's plain environment and development tools as its image, in every task definition whose
/// family or tags do not name development or tests.
/// </summary>
public sealed class ComposeDebugSettings : ComposeRule
{
    protected override bool ProductionOnly => true;

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        foreach (var (key, value) in service.Environment)
        {
            if (ContainerEnvironment.TurnsOnDebug(key, value.Value))
                yield return (value, $"Service '{service.Name}' sets {key}={value.Value.Trim()}, which turns on debug behaviour (detailed error pages, settings and stack traces, development servers) in production; set it to its production value ({ContainerEnvironment.ProductionValue(key)}) in the production compose file.", "env:" + key);
        }
        foreach (var start in new[] { service.Command, service.Entrypoint })
        {
            if (start is null || DockerfileDebugServerEntrypoint.DevelopmentServer(start.Value) is not { } server) continue;
            yield return (start, $"Service '{service.Name}' starts a development server ('{server}') in production, which serves debug pages and reloads code; run the production server (gunicorn, uvicorn without --reload, node on a built bundle) and keep this command in a local override.", "command:" + server);
        }
        if (service.Image is { } image && ContainerEnvironment.DevelopmentTool(image.Value) is { } tool)
            yield return (image, $"Service '{service.Name}' runs the development tool {tool} in production, an unauthenticated web UI over mail or data; remove the service from the production compose file (keep it in a local override) and send mail through Amazon SES or your mail provider.", "tool:" + tool);
    }

    private const string AskedOfEcs = "keeps debug settings out of its environment";

    protected override IEnumerable<Finding> CheckTaskDefinition(EcsTaskDefinition task, RuleContext context) =>
        NamedForDevelopment(task) ? [] : EcsContainers.Each(context, task, AskedOfEcs, container => CheckContainer(task, container, context));

    private static IEnumerable<Finding> CheckContainer(EcsTaskDefinition task, EcsContainer container, RuleContext context)
    {
        foreach (var variable in container.Environment.Where(v => ContainerEnvironment.DebugSettings.Contains(v.Name)))
        {
            if (!variable.Kind.IsKnown)
                yield return EcsContainers.Undecided(context, task, container, variable.Kind, "environment " + variable.Name, AskedOfEcs);
            else if (variable.Setting is { } setting && ContainerEnvironment.TurnsOnDebug(variable.Name, setting))
                yield return EcsContainers.On(context, task, container, variable.Kind, "environment " + variable.Name,
                    $"The {EcsContainers.Describe(task, container)} sets {variable.Name}={setting}, which turns on debug behaviour (detailed error pages, settings and stack traces, development servers) in a deployed task; set it to its production value ({ContainerEnvironment.ProductionValue(variable.Name)}) in the container's environment.",
                    "env:" + variable.Name);
        }
        if (container.Image is { IsKnown: true, Known: { } image } && ContainerEnvironment.DevelopmentTool(image) is { } tool)
            yield return EcsContainers.On(context, task, container, container.Image, "image",
                $"The {EcsContainers.Describe(task, container)} runs the development tool {tool}, an unauthenticated web UI over mail or data; remove the container from the task definition and send mail through Amazon SES or your mail provider.",
                "tool:" + tool);
    }

    /// <summary>A task definition whose family or environment tag names development or tests (coco-dev-api): there debug settings are the point.</summary>
    private static bool NamedForDevelopment(EcsTaskDefinition task) =>
        new[] { task.Family ?? task.Id }.Concat(task.Tags.Where(t => t.Key.ToLowerInvariant() is "environment" or "env" or "stage").Select(t => t.Value))
            .Any(name => FileKind.EnvironmentNamedBy(name) is FileEnvironment.Development or FileEnvironment.Test);
}
