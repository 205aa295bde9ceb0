using System.Text;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// Turns a file's bytes into text the way editors do: UTF-8 (a BOM dropped, invalid bytes as replacement
/// characters), UTF-16 and UTF-32 by their byte order mark, or without one by the pattern of zero bytes that ASCII
/// text leaves in them. Bytes with NULs that fit none of these are binary (null).
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf32Le = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly Encoding Utf32Be = new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    /// <summary>Names whose content is text by convention: a NUL in one is something to report, not a binary to skip.</summary>
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".cs", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".json", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf",
        ".env", ".properties", ".tf", ".tfvars", ".hcl", ".xml", ".config", ".csproj", ".html", ".htm", ".md", ".txt", ".sh",
        ".ps1", ".rb", ".go", ".java", ".kt", ".php", ".sql", ".template", ".pem", ".key", ".npmrc", ".pypirc", ".netrc",
    };

    public static bool HasTextName(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) || name is "Dockerfile" or "Procfile" || TextExtensions.Contains(Path.GetExtension(name));
    }

    /// <summary>The text, or null for binary. <paramref name="invalidUtf8"/>: decoded as UTF-8 with replacement characters.</summary>
    public static string? Decode(byte[] bytes, out bool invalidUtf8)
    {
        invalidUtf8 = false;
        var span = bytes.AsSpan();
        // UTF-32 marks first: FF FE 00 00 also starts with the UTF-16 LE mark.
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return Strict(Utf32Le, bytes, 4);
        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return Strict(Utf32Be, bytes, 4);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(Utf16Le, bytes, 2);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(Utf16Be, bytes, 2);
        var offset = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

        var sample = span[..Math.Min(span.Length, 8000)];
        if (sample.IndexOf((byte)0) >= 0)
        {
            return Unmarked(bytes, sample.Length) is { } encoding ? Strict(encoding, bytes, 0) : null;
        }
        try
        {
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8 (often Latin-1): scan it anyway, with replacement characters where bytes did not decode.
            invalidUtf8 = true;
            return LenientUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
    }

    /// <summary>
    /// UTF-16 or UTF-32 without a mark, told by where the zero bytes fall: mostly-ASCII text in UTF-16 LE has a zero
    /// in every odd byte, in UTF-32 LE in bytes 1-3 of every four (BE mirrored). Anything else is binary.
    /// </summary>
    private static Encoding? Unmarked(byte[] bytes, int sampleLength)
    {
        double ZeroShare(int width, int position)
        {
            int zeros = 0, total = 0;
            for (var i = position; i < sampleLength; i += width, total++) if (bytes[i] == 0) zeros++;
            return total == 0 ? 0 : (double)zeros / total;
        }
        const double Mostly = 0.9;
        if (bytes.Length % 4 == 0 && sampleLength >= 4)
        {
            if (ZeroShare(4, 1) >= Mostly && ZeroShare(4, 2) >= Mostly && ZeroShare(4, 3) >= Mostly && ZeroShare(4, 0) < 0.5) return Utf32Le;
            if (ZeroShare(4, 0) >= Mostly && ZeroShare(4, 1) >= Mostly && ZeroShare(4, 2) >= Mostly && ZeroShare(4, 3) < 0.5) return Utf32Be;
        }
        if (bytes.Length % 2 == 0 && sampleLength >= 2)
        {
            if (ZeroShare(2, 1) >= Mostly && ZeroShare(2, 0) < 0.5) return Utf16Le;
            if (ZeroShare(2, 0) >= Mostly && ZeroShare(2, 1) < 0.5) return Utf16Be;
        }
        return null;
    }

    private static string? Strict(Encoding encoding, byte[] bytes, int offset)
    {
        try
        {
            var text = encoding.GetString(bytes, offset, bytes.Length - offset);
            // Decoded text with NULs in it is still not text (a UTF-16 image header, say).
            return text.Contains('\0') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
