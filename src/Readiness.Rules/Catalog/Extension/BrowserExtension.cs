using Readiness.Rules.Catalog.JavaScript;
using Readiness.Rules.Languages;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>
/// Recognizes browser extension files: a manifest.json with manifest_version plus background, content_scripts or an
/// action; and scripts that call the extension APIs (chrome.* or browser.* runtime, storage, tabs).
/// </summary>
internal static class BrowserExtension
{
    private static readonly HashSet<string> SensitiveWords = ["token", "jwt", "password", "passwd", "secret", "apikey", "credential", "credentials", "auth", "session", "cookie", "bearer"];
    private static readonly HashSet<string> HarmlessLastWords = ["count", "length", "size", "type", "url", "uri", "name", "names", "endpoint", "expiry", "expires", "ttl", "status", "valid", "ok", "timeout", "key", "keys", "storage", "started", "listener", "handler"];

    public static JsonObject? Manifest(SourceFile file)
    {
        if (!file.Name.Equals("manifest.json", StringComparison.OrdinalIgnoreCase) || !file.Text.Contains("manifest_version", StringComparison.Ordinal)) return null;
        if (JsonTree.Parse(file) is not JsonObject root || root["manifest_version"] is null) return null;
        var isExtension = root["background"] is not null || root["content_scripts"] is not null || root["action"] is not null || root["browser_action"] is not null;
        return isExtension ? root : null;
    }

    public static int ManifestVersion(JsonObject manifest) => manifest["manifest_version"] is JsonScalar { Value: double v } ? (int)v : 0;

    public static bool IsExtensionScript(SourceFile file) =>
        JsFiles.IsApplicationCode(file, "chrome.", "browser.")
        && (file.Text.Contains("chrome.runtime", StringComparison.Ordinal) || file.Text.Contains("chrome.storage", StringComparison.Ordinal)
            || file.Text.Contains("chrome.tabs", StringComparison.Ordinal) || file.Text.Contains("browser.runtime", StringComparison.Ordinal)
            || file.Text.Contains("browser.storage", StringComparison.Ordinal) || file.Text.Contains("browser.tabs", StringComparison.Ordinal));

    /// <summary>A name that holds authentication data: token, authToken, jwt, apiKey, session, password (not tokenCount, authUrl).</summary>
    public static bool IsAuthDataName(string name)
    {
        var words = SecretNames.Words(name);
        if (words.Count == 0 || HarmlessLastWords.Contains(words[^1]) && words.Count > 1) return false;
        return words.Any(SensitiveWords.Contains) || words.Count > 1 && words[^2] == "api" && words[^1] == "key";
    }

    /// <summary>The first identifier in the range (outside strings) that names auth data, or null.</summary>
    public static string? AuthDataIn(JsDocument doc, JsRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            var t = doc[i];
            // chrome.storage.session is an API namespace, not data.
            var apiNamespace = i >= 2 && doc[i - 1].Is(".") && doc[i - 2].IsName("storage");
            if (t.Kind == JsTokenKind.Identifier && !apiNamespace && IsAuthDataName(t.Text)) return t.Text;
        }
        return null;
    }

    /// <summary>A match pattern that covers every site: &lt;all_urls&gt;, *://*/*, https://*/*, http://*/*.</summary>
    public static bool MatchesEverySite(string pattern)
    {
        var p = pattern.Trim();
        if (p == "<all_urls>") return true;
        var scheme = p.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return false;
        var host = p[(scheme + 3)..].Split('/')[0];
        return host is "*" or "*.*";
    }
}
