using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// Debug settings or development tools in a production compose configuration: DEBUG=True, NODE_ENV=development,
/// ASPNETCORE_ENVIRONMENT=Development, FLASK_DEBUG=1; a development server as command (manage.py runserver, nodemon);
/// MailHog, Mailpit, Adminer, pgAdmin, phpMyAdmin services.
/// Local-only configurations are not judged: there these settings are the point.
/// </summary>
public sealed class ComposeDebugSettings : ComposeRule
{
    private static readonly HashSet<string> DevelopmentTools = new(StringComparer.Ordinal)
    {
        "mailhog/mailhog", "axllent/mailpit", "adminer", "dpage/pgadmin4", "phpmyadmin", "phpmyadmin/phpmyadmin", "rediscommander/redis-commander",
        "mongo-express", "maildev/maildev", "schickling/mailcatcher",
    };

    protected override bool ProductionOnly => true;

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        foreach (var (key, value) in service.Environment)
        {
            var v = value.Value.Trim().ToLowerInvariant();
            var debug = key switch
            {
                "DEBUG" or "DJANGO_DEBUG" or "APP_DEBUG" or "FLASK_DEBUG" => v is "true" or "1" or "yes" or "on",
                "NODE_ENV" or "FLASK_ENV" or "RAILS_ENV" or "APP_ENV" => v is "development" or "dev",
                "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" => v is "development",
                _ => false,
            };
            if (debug)
                yield return (value, $"Service '{service.Name}' sets {key}={value.Value.Trim()}, which turns on debug behaviour (detailed error pages, settings and stack traces, development servers) in production; set it to its production value ({Production(key)}) in the production compose file.", "env:" + key);
        }
        foreach (var start in new[] { service.Command, service.Entrypoint })
        {
            if (start is null || DockerfileDebugServerEntrypoint.DevelopmentServer(start.Value) is not { } server) continue;
            yield return (start, $"Service '{service.Name}' starts a development server ('{server}') in production, which serves debug pages and reloads code; run the production server (gunicorn, uvicorn without --reload, node on a built bundle) and keep this command in a local override.", "command:" + server);
        }
        if (service.Image is { } image && DevelopmentTools.Contains(ImageName(image.Value)))
            yield return (image, $"Service '{service.Name}' runs the development tool {ImageName(image.Value)} in production, an unauthenticated web UI over mail or data; remove the service from the production compose file (keep it in a local override) and send mail through Amazon SES or your mail provider.", "tool:" + ImageName(image.Value));
    }

    private static string Production(string key) => key switch
    {
        "NODE_ENV" or "FLASK_ENV" or "RAILS_ENV" or "APP_ENV" => $"{key}=production",
        "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" => $"{key}=Production",
        _ => $"{key}=False",
    };
}
