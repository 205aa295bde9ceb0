using System.Security.Cryptography;
using System.Text;

namespace Readiness.Rules.Text;

/// <summary>
/// Secrets never leave the scan in full: a finding carries a preview with at most the first and last two characters
/// and a SHA-256 hash, which identifies the secret across runs and repositories without revealing it.
/// </summary>
public static class Redaction
{
    public static string Preview(string secret)
    {
        if (secret.Length <= 8) return new string('*', Math.Max(secret.Length, 4));
        return $"{secret[..2]}{new string('*', Math.Min(secret.Length - 4, 12))}{secret[^2..]}";
    }

    public static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The line with every occurrence of the secret replaced by its preview.</summary>
    public static string RedactIn(string line, string secret) =>
        secret.Length == 0 ? line : line.Replace(secret, Preview(secret), StringComparison.Ordinal);
}
