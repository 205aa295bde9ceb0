using System.Text.RegularExpressions;

namespace Readiness.Rules.Languages;

/// <summary>
/// Whether an identifier names a secret value: Password, dbPassword, JwtSecret, ApiKey, client_secret, AccessToken.
/// Judged on the last words of the name, so PasswordHash, TokenUrl, SecretName and ApiKeyHeader are not secrets.
/// </summary>
public static partial class SecretNames
{
    private static readonly HashSet<string> SecretWords = ["password", "passwd", "pwd", "passphrase", "secret", "token", "credential", "credentials"];
    private static readonly HashSet<string> KeyQualifiers = ["api", "access", "secret", "private", "signing", "encryption", "master", "client", "jwt", "auth", "hmac", "app"];

    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Words(string identifier) =>
        Word().Matches(identifier).Select(m => m.Value.ToLowerInvariant()).ToList();

    public static bool IsSecretName(string identifier)
    {
        var words = Words(identifier);
        if (words.Count == 0) return false;
        var last = words[^1];
        if (SecretWords.Contains(last)) return true;
        if (last == "apikey") return true;
        return last == "key" && words.Count > 1 && KeyQualifiers.Contains(words[^2]);
    }

    /// <summary>"password", "API key", "secret", "token": what kind of secret a name holds, for messages.</summary>
    public static string Kind(string identifier)
    {
        var words = Words(identifier);
        var last = words.Count > 0 ? words[^1] : "";
        return last switch
        {
            "password" or "passwd" or "pwd" or "passphrase" => "password",
            "token" => "token",
            "key" or "apikey" => words.Count > 1 && words[^2] == "api" || last == "apikey" ? "API key" : "key",
            "credential" or "credentials" => "credential",
            _ => "secret",
        };
    }

    /// <summary>
    /// A literal that is not a real secret value: empty, a template or placeholder marker, a configuration key
    /// ("Jwt:Key"), an environment variable name ("DB_PASSWORD") or one repeated character ("xxxx").
    /// </summary>
    public static bool IsNotAValue(string value)
    {
        var v = value.Trim();
        if (v.Length < 3) return true;
        if (v.IndexOfAny(['{', '}', '<', '>', '%']) >= 0 || v.StartsWith('$')) return true;
        if (v.Distinct().Count() <= 2) return true;
        if (ConfigKey().IsMatch(v) || EnvName().IsMatch(v)) return true;
        var lower = v.ToLowerInvariant();
        return lower is "password" or "secret" or "changeme" or "change-me" or "todo" or "none" or "null" or "undefined" or "example"
            || lower.StartsWith("your", StringComparison.Ordinal) || lower.Contains("placeholder", StringComparison.Ordinal)
            || lower.Contains("example", StringComparison.Ordinal) || lower.Contains("replace", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*(:[\w.]+)+$")]
    private static partial Regex ConfigKey();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex EnvName();
}
