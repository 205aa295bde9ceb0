using System.Security.Cryptography;
using System.Text;

namespace Readiness.Rules.Text;

/// <summary>
/// The one redaction policy for secrets in findings, messages, snippets and properties (code detectors, C# and
/// Django rules, AWS access key ids alike). A preview shows at most the first and last two characters and never the
/// length; the hash is an HMAC-SHA256 under a key that is not in the reports (<see cref="UseKey"/>), so a reader of
/// results.json cannot confirm a guessed secret offline, while the same key gives the same hash on every run.
/// The key belongs to one scan: it flows with the scan's async work (an <see cref="AsyncLocal{T}"/>), so two scans in
/// one process hash under their own keys, and rules only call <see cref="Hash"/>, never choose the key.
/// </summary>
public static class Redaction
{
    /// <summary>Secrets shorter than this show no character at all.</summary>
    private const int ShortestWithEnds = 12;

    // Outside a scan that set its key, a random one for this process: hashes are never a plain digest.
    private static readonly byte[] Unscoped = RandomNumberGenerator.GetBytes(32);

    private static readonly AsyncLocal<byte[]?> ScanKey = new();

    /// <summary>
    /// The key of <see cref="Hash"/> for the calling scan and the work it starts, until the returned scope is disposed
    /// (the runner sets the repository's or installation's key; see docs/secrets.md).
    /// </summary>
    public static IDisposable UseKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length < 16) throw new ArgumentException("The secret hash key needs at least 16 bytes.", nameof(secretKey));
        var before = ScanKey.Value;
        ScanKey.Value = secretKey.ToArray();
        return new Restore(before);
    }

    private sealed class Restore(byte[]? before) : IDisposable
    {
        public void Dispose() => ScanKey.Value = before;
    }

    /// <summary>"ab****yz" (fixed width, whatever the length), or "****" for short secrets.</summary>
    public static string Preview(string secret) =>
        secret.Length < ShortestWithEnds ? "****" : $"{secret[..2]}****{secret[^2..]}";

    /// <summary>HMAC-SHA256 of the secret under the scan's key, lower-case hex: identifies a secret across runs without revealing it.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(HMACSHA256.HashData(ScanKey.Value ?? Unscoped, Encoding.UTF8.GetBytes(secret)));

    /// <summary>The line with every occurrence of the secret replaced by its preview.</summary>
    public static string RedactIn(string line, string secret) =>
        secret.Length == 0 ? line : line.Replace(secret, Preview(secret), StringComparison.Ordinal);
}
