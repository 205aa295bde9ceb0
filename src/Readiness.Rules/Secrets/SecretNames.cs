using System.Text.RegularExpressions;

namespace Readiness.Rules.Secrets;

/// <summary>
/// Decides whether a variable, key or setting name holds a secret. The name is split into words (snake_case,
/// kebab-case, dotted, camelCase, "Section:Key"); the LAST words decide, so DB_PASSWORD and jwtSecret are secrets while
/// password_field, token_url, secret_name and PASSWORD_MIN_LENGTH are not.
/// </summary>
public static partial class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "secretkey", "privatekey", "signingkey",
        "authtoken", "accesstoken", "refreshtoken", "clientsecret", "passwords", "secrets", "tokens", "credential", "credentials",
        "accesskey", "accountkey", "adminkey", "masterkey",
    };

    /// <summary>Words before "key" that make it a secret key (api_key, SIGNING_KEY) rather than a lookup key.</summary>
    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "signing", "encryption", "master", "auth", "hmac", "jwt", "license", "licence", "app", "client",
        "service", "admin", "webhook", "session", "cookie", "crypto", "cipher", "aes",
        // Azure storage account keys (AccountKey, STORAGE_KEY).
        "account", "storage",
        // A provider's name before "key" (OPENAI_KEY, AZURE_OPENAI_KEY, STRIPE_KEY): that provider's API key.
        "openai", "anthropic", "stripe", "sendgrid", "mailgun", "twilio", "slack", "github", "gitlab", "datadog", "sentry",
        "shopify", "algolia", "cohere", "mistral", "groq", "gemini", "mapbox", "pusher", "brevo", "mailjet", "postmark", "paystack",
    };

    /// <summary>Words that make a secret-looking name about something public or structural (csrf_token, next_page_token, public_key).</summary>
    private static readonly HashSet<string> NonSecretQualifiers = new(StringComparer.Ordinal)
    {
        "public", "publishable", "csrf", "xsrf", "page", "next", "prev", "previous", "cancellation", "continuation", "sync",
        "lexer", "parser", "eof", "start", "end", "id", "type", "kind", "name", "ref", "reset", "verification", "test", "dummy",
        "fake", "mock", "example", "sample", "default", "anon", "anonymous", "authenticity",
    };

    private static readonly System.Buffers.SearchValues<string> SecretStems =
        System.Buffers.SearchValues.Create(["pass", "pwd", "secret", "token", "key", "credential"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words of the name in lower case: "JWT_SECRET" -> [jwt, secret]; "apiKey" -> [api, key]; "Jwt:Secret" -> [jwt, secret].</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            // camelCase boundary: a capital after a lower-case letter or digit.
            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) Flush();
            current.Append(char.ToLowerInvariant(c));
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
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

    public static bool IsSecretName(string name)
    {
        // Every secret word and run-together ending holds one of these stems: most names (Name, Id, Title) are
        // rejected without being split into words. Only for ASCII, where ignoring case is what Words' lower-casing does.
        if (System.Text.Ascii.IsValid(name) && !name.AsSpan().ContainsAny(SecretStems)) return false;
        return IsSecretNameByWords(name);
    }

    /// <summary><see cref="IsSecretName"/> without its fast rejection (which must never change an answer).</summary>
    internal static bool IsSecretNameByWords(string name)
    {
        var words = Words(name);
        // Drop a trailing encoding word ("password_value", "secret_b64") that only describes the form.
        while (words.Count > 1 && words[^1] is "value" or "b64" or "base64" or "hex" or "raw") words.RemoveAt(words.Count - 1);
        if (words.Count == 0) return false;
        if (words.Any(NonSecretQualifiers.Contains)) return false;
        var last = words[^1];
        // Where secrets are kept, not one of them: keyVaultToStoreSecrets, vault_secrets, secret_store_tokens.
        if (last is "secrets" or "tokens" or "passwords" or "credentials" && words.Any(w => w is "vault" or "store" or "manager")) return false;
        if (SecretWords.Contains(last)) return !(last is "credential" or "credentials" && words.Count == 1);
        // One run-together word ending in a password word: ACRPWD, DBPASSWORD, mysqlpasswd.
        if (last.Length > 4 && (last.EndsWith("password", StringComparison.Ordinal) || last.EndsWith("passwd", StringComparison.Ordinal)
            || last.EndsWith("pwd", StringComparison.Ordinal) || last.EndsWith("passphrase", StringComparison.Ordinal))) return true;
        if (last == "key" && words.Count >= 2) return KeyQualifiers.Contains(words[^2]);
        return false;
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
