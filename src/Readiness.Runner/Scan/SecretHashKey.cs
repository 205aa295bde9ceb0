using System.Security.Cryptography;
using System.Text;

namespace Readiness.Runner.Scan;

/// <summary>
/// The key of the secret hashes in reports (Redaction.Hash), resolved once per scan so baselines stay comparable:
/// READINESS_SECRET_HASH_KEY (a CI secret) first, then the repository's .readiness/secret-hash.key, then this
/// installation's key (created on first use). The key never appears in a report; docs/secrets.md says which to use.
/// </summary>
public static class SecretHashKey
{
    public const string EnvironmentVariable = "READINESS_SECRET_HASH_KEY";
    public const string RepositoryFile = ".readiness/secret-hash.key";

    public static byte[] Resolve(string scanRoot)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return Derive(fromEnvironment);
        var repository = Path.Combine(scanRoot, RepositoryFile);
        if (File.Exists(repository)) return Derive(File.ReadAllText(repository).Trim());
        return Installation();
    }

    // Any text of the user's choice becomes a 32-byte key.
    private static byte[] Derive(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static byte[] Installation()
    {
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        var path = Path.Combine(config, "readiness", "secret-hash.key");
        try
        {
            if (File.Exists(path)) return Derive(File.ReadAllText(path).Trim());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, create))
            using (var writer = new StreamWriter(stream)) writer.Write(text);
            return Derive(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home (some CI runners): a key for this run only; hashes then match no earlier baseline.
            return RandomNumberGenerator.GetBytes(32);
        }
    }
}
