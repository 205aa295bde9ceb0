using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// The judgements of a container's environment, one each whatever runs the container: a Compose service
/// (RDY1621, RDY1623) and an ECS container definition (RDY4101, RDY1623) ask the same questions here.
/// </summary>
public static class ContainerEnvironment
{
    /// <summary>What a plain value is: nothing a secret could be, a reference to somewhere else, or text that could be a secret.</summary>
    public static EnvironmentValueKind Classify(string value)
    {
        var v = value.Trim();
        return v.Length == 0 || SecretValues.IsBooleanOrNumber(v) ? EnvironmentValueKind.Trivial
            : SecretValues.IsReference(v) || IsMountedSecretPath(v) ? EnvironmentValueKind.Reference
            : EnvironmentValueKind.Literal;
    }

    /// <summary>
    /// The path of a secret file mounted into the container (compose and Swarm secrets at /run/secrets/NAME, Kubernetes
    /// service account files under /var/run/secrets/): the application reads the secret from there, the value is not it.
    /// </summary>
    private static bool IsMountedSecretPath(string value) =>
        (value.StartsWith("/run/secrets/", StringComparison.Ordinal) || value.StartsWith("/var/run/secrets/", StringComparison.Ordinal))
        && !value.Any(char.IsWhiteSpace);

    /// <summary>A secret-named variable (DB_PASSWORD, JWT_SECRET, STRIPE_API_KEY) whose value is written as a literal.</summary>
    public static bool IsLiteralSecret(string name, EnvironmentValueKind kind) =>
        kind == EnvironmentValueKind.Literal && SecretNames.IsSecretName(name);

    /// <summary>
    /// The settings whose value <see cref="TurnsOnDebug"/> reads. None is a secret name, so an ECS container's value
    /// for them is kept in the model (and the inventory) where every other value is kept only as its kind and HMAC.
    /// </summary>
    public static readonly IReadOnlySet<string> DebugSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "DEBUG", "DJANGO_DEBUG", "APP_DEBUG", "FLASK_DEBUG",
        "NODE_ENV", "FLASK_ENV", "RAILS_ENV", "APP_ENV",
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    /// <summary>True when the setting turns on debug behaviour: DEBUG=True, NODE_ENV=development, ASPNETCORE_ENVIRONMENT=Development.</summary>
    public static bool TurnsOnDebug(string name, string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return name switch
        {
            "DEBUG" or "DJANGO_DEBUG" or "APP_DEBUG" or "FLASK_DEBUG" => v is "true" or "1" or "yes" or "on",
            "NODE_ENV" or "FLASK_ENV" or "RAILS_ENV" or "APP_ENV" => v is "development" or "dev",
            "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" => v is "development",
            _ => false,
        };
    }

    /// <summary>The production value to suggest for a debug setting ("NODE_ENV=production", "DEBUG=False").</summary>
    public static string ProductionValue(string name) => name switch
    {
        "NODE_ENV" or "FLASK_ENV" or "RAILS_ENV" or "APP_ENV" => $"{name}=production",
        "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" => $"{name}=Production",
        _ => $"{name}=False",
    };

    private static readonly HashSet<string> DevelopmentTools = new(StringComparer.Ordinal)
    {
        "mailhog/mailhog", "axllent/mailpit", "adminer", "dpage/pgadmin4", "phpmyadmin", "phpmyadmin/phpmyadmin", "rediscommander/redis-commander",
        "mongo-express", "maildev/maildev", "schickling/mailcatcher",
    };

    /// <summary>The development tool an image is (MailHog, Adminer, pgAdmin...), by its name without registry and tag; null for any other image.</summary>
    public static string? DevelopmentTool(string image) =>
        ComposeRule.ImageName(image) is var name && DevelopmentTools.Contains(name) ? name : null;
}
