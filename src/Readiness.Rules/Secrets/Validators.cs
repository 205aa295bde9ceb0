using System.Text;
using System.Text.Json;

namespace Readiness.Rules.Secrets;

/// <summary>Format checks that turn a regex match into a confident finding (checksums, decodable payloads).</summary>
public static class Validators
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// GitHub tokens of the 2021 format (prefix + 30 random base62 characters + 6 checksum characters) end with the
    /// CRC32 of the random part in base62; a typo'd or invented token fails it. Other lengths have no checksum to check.
    /// </summary>
    public static bool GitHubChecksum(string token)
    {
        var underscore = token.IndexOf('_');
        if (underscore < 0) return false;
        var body = token[(underscore + 1)..];
        if (body.Length != 36) return true;
        var crc = Crc32(Encoding.ASCII.GetBytes(body[..30]));
        return ToBase62(crc) == body[30..];
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static string ToBase62(uint value)
    {
        var chars = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = Base62[(int)(value % 62)];
            value /= 62;
        }
        return new string(chars);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>A JWT whose header and payload both decode to JSON objects and whose header names an algorithm.</summary>
    public static bool JwtHasRealPayload(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return false;
        var header = DecodeBase64Url(parts[0]);
        var payload = DecodeBase64Url(parts[1]);
        if (header is null || payload is null) return false;
        try
        {
            using var h = JsonDocument.Parse(header);
            using var p = JsonDocument.Parse(payload);
            return h.RootElement.ValueKind == JsonValueKind.Object && h.RootElement.TryGetProperty("alg", out var alg)
                && alg.GetString() is { } a && !a.Equals("none", StringComparison.OrdinalIgnoreCase)
                && p.RootElement.ValueKind == JsonValueKind.Object && p.RootElement.EnumerateObject().Any()
                && !SignedWithExampleSecret(a, parts);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A private key block with a body long enough to hold a key (the shortest, Ed25519 PKCS#8, is 64 base64 characters).</summary>
    public static bool PemHasKeyBody(string block)
    {
        var body = block.AsSpan();
        var afterBegin = body.IndexOf("-----", StringComparison.Ordinal);
        if (afterBegin >= 0) body = body[(afterBegin + 5)..];
        afterBegin = body.IndexOf("-----", StringComparison.Ordinal);
        if (afterBegin >= 0) body = body[(afterBegin + 5)..];
        var end = body.IndexOf("-----END", StringComparison.Ordinal);
        if (end >= 0) body = body[..end];
        var count = 0;
        foreach (var c in body) if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/') count++;
        return count >= 60;
    }

    /// <summary>Base64 of a PEM private key block ("LS0tLS1CRUdJTi..." is "-----BEGIN"): a certificate or public key is not one.</summary>
    public static bool IsBase64PemPrivateKey(string base64)
    {
        var text = DecodeBase64Url(base64.TrimEnd('='));
        if (text is null) return false;
        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        var label = begin < 0 ? -1 : text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
        return label > 0 && text.AsSpan(begin, label - begin).EndsWith("PRIVATE KEY", StringComparison.Ordinal) && PemHasKeyBody(text);
    }

    /// <summary>Secrets that jwt.io and tutorials sign their example tokens with: such a token proves nothing and opens nothing.</summary>
    private static readonly string[] ExampleJwtSecrets = ["your-256-bit-secret", "a-string-secret-at-least-256-bits-long", "secret", "your-secret-key"];

    private static bool SignedWithExampleSecret(string alg, string[] parts)
    {
        Func<byte[], byte[], byte[]>? hmac = alg switch
        {
            "HS256" => System.Security.Cryptography.HMACSHA256.HashData,
            "HS384" => System.Security.Cryptography.HMACSHA384.HashData,
            "HS512" => System.Security.Cryptography.HMACSHA512.HashData,
            _ => null,
        };
        var signature = Base64UrlBytes(parts[2]);
        if (hmac is null || signature is null) return false;
        var signed = System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        foreach (var secret in ExampleJwtSecrets)
        {
            var expected = hmac(System.Text.Encoding.UTF8.GetBytes(secret), signed);
            if (expected.AsSpan().SequenceEqual(signature)) return true;
        }
        return false;
    }

    /// <summary>"auth" values of a Docker config: base64 of "user:password" with a real-looking password, or of "_json_key:" and a service-account key.</summary>
    public static bool IsBasicAuthWithPassword(string base64)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64); }
        catch (FormatException) { return false; }
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return false; }
        // Google registries: the user is _json_key and the password a whole service-account key file.
        if (text.StartsWith("_json_key:", StringComparison.Ordinal)) return text.Contains("\"private_key\"", StringComparison.Ordinal);
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || text.Any(char.IsControl)) return false;
        var password = text[(colon + 1)..];
        return !SecretValues.IsPlaceholder(password) && !SecretValues.IsReference(password);
    }

    private static byte[]? Base64UrlBytes(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }

    private static string? DecodeBase64Url(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        try { return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(s)); }
        catch (FormatException) { return null; }
        catch (DecoderFallbackException) { return null; }
    }
}
