using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Rules.Text;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// Default or weak credentials in a service's environment (POSTGRES_PASSWORD=postgres, MINIO_ROOT_PASSWORD=minio123,
/// RabbitMQ guest, MySQL root/empty), Redis with no password, and other secrets written as literals. Values the secret
/// detectors already report are left to them. A literal secret is judged by <see cref="ContainerEnvironment.IsLiteralSecret"/>,
/// the judgement RDY4101 applies to an ECS container's environment.
/// </summary>
public sealed class ComposeDefaultCredentials : ComposeRule
{
    private static readonly HashSet<string> WeakValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "password", "passw0rd", "app", "admin", "root", "secret", "changeme", "change-me", "example", "123456", "12345678",
        "minio", "minio123", "minioadmin", "guest", "mysql", "redis", "test", "dev", "pass", "user", "default", "mongo", "rabbitmq",
    };

    private static readonly HashSet<string> PasswordKeys = new(StringComparer.Ordinal)
    {
        "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "MYSQL_PASSWORD", "MARIADB_ROOT_PASSWORD", "MARIADB_PASSWORD", "MINIO_ROOT_PASSWORD",
        "MINIO_SECRET_KEY", "RABBITMQ_DEFAULT_PASS", "MONGO_INITDB_ROOT_PASSWORD", "REDIS_PASSWORD", "ELASTIC_PASSWORD", "PGADMIN_DEFAULT_PASSWORD",
        "KEYCLOAK_ADMIN_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD",
    };

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        var env = service.Environment;
        foreach (var (key, value) in env)
        {
            var v = value.Value.Trim();
            if (key is "POSTGRES_HOST_AUTH_METHOD" && v.Equals("trust", StringComparison.OrdinalIgnoreCase))
                yield return (value, $"Service '{service.Name}' sets POSTGRES_HOST_AUTH_METHOD=trust, so PostgreSQL accepts any connection without a password; remove it and set POSTGRES_PASSWORD from a compose secret (POSTGRES_PASSWORD_FILE=/run/secrets/db_password).", key);
            else if (key is "MYSQL_ALLOW_EMPTY_PASSWORD" or "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" && v.ToLowerInvariant() is "yes" or "true" or "1")
                yield return (value, $"Service '{service.Name}' sets {key}={v}, so the database root account has no password; remove it and set MYSQL_ROOT_PASSWORD_FILE from a compose secret.", key);
            else if (PasswordKeys.Contains(key) && !value.Unresolved && (v.Length == 0 && !string.IsNullOrEmpty(value.Written) || WeakValues.Contains(v) || SameAsUser(env, key, v)) && !ReportedBySecretRules(containers, value))
                yield return (value, $"Service '{service.Name}' sets {key} to {(v.Length == 0 ? "an empty value" : "a well-known default or weak value")}, which is the first thing anyone who reaches the port tries; generate a strong password, keep it out of the repository and pass it as a compose secret ({key}_FILE=/run/secrets/...) or from an env_file that is not committed.", key);
            else if (IsLiteral(value) && !value.Unresolved && ContainerEnvironment.IsLiteralSecret(key, ContainerEnvironment.Classify(v)) && !ReportedBySecretRules(containers, value))
                yield return (value, $"Service '{service.Name}' has {key} written as a literal in the compose file, so the secret is in every clone of the repository; move it to a compose `secrets:` entry or an env_file kept out of the repository (for example an .env written at deploy time from Secrets Manager), and rotate it.", "literal:" + key + ":" + Redaction.Hash(v));
        }

        if (ComposeRule.ImageName(service.Image?.Value ?? "") is "redis" or "bitnami/redis" && !env.ContainsKey("REDIS_PASSWORD")
            && !(service.Command?.Value ?? "").Contains("requirepass", StringComparison.Ordinal))
            yield return (service.Image!, $"Service '{service.Name}' runs Redis with no password (no --requirepass in its command, no REDIS_PASSWORD), so anyone who reaches port 6379 can read and overwrite the cache and run CONFIG commands; start it with `command: [\"redis-server\", \"--requirepass\", \"${{REDIS_PASSWORD:?}}\"]` and keep the port off public interfaces.", "redis-no-password");
    }

    private static bool SameAsUser(Dictionary<string, ComposeValue> env, string key, string password)
    {
        var userKey = key.Replace("PASSWORD", "USER", StringComparison.Ordinal).Replace("_PASS", "_USER", StringComparison.Ordinal).Replace("SECRET_KEY", "ACCESS_KEY", StringComparison.Ordinal);
        return userKey != key && env.TryGetValue(userKey, out var user) && user.Value == password && password.Length > 0;
    }

    private static bool IsLiteral(ComposeValue value) => value.Written.Length > 0 && !Dockerfile.IsOnlyReference(value.Written);
}
