using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// Turns a file's bytes into text the way editors do: UTF-8 (a BOM dropped, invalid bytes as replacement
/// characters), UTF-16 and UTF-32 by their byte order mark, or without one by the pattern of zero bytes that ASCII
/// text leaves in them. Bytes with NULs that fit none of these are binary (null).
/// </summary>
public static class TextDecoding
{
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

    /// <summary>How much of the start of a file decides whether it is binary (as git does).</summary>
    public const int SampleBytes = 8000;

    /// <summary>
    /// True when a file of <paramref name="length"/> bytes that starts with <paramref name="head"/> (its first
    /// <see cref="SampleBytes"/> bytes, or all of it) is binary by the rules of <see cref="Decode"/>, so it need
    /// not be read further. False means it may be text: <see cref="Decode"/> of the whole file decides.
    /// </summary>
    public static bool IsBinary(ReadOnlySpan<byte> head, long length)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return false;
        var sample = head[..(int)Math.Min(head.Length, SampleBytes)];
        return sample.IndexOf((byte)0) >= 0 && Unmarked(sample, length) is null;
    }

    /// <summary>The text, or null for binary. <paramref name="invalidUtf8"/>: decoded as UTF-8 with replacement characters.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out bool invalidUtf8)
    {
        invalidUtf8 = false;
        // UTF-32 marks first: FF FE 00 00 also starts with the UTF-16 LE mark.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return Strict(Utf32Le, bytes[4..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return Strict(Utf32Be, bytes[4..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(Utf16Le, bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(Utf16Be, bytes[2..]);
        var offset = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        if (sample.IndexOf((byte)0) >= 0)
        {
            return Unmarked(sample, bytes.Length) is { } encoding ? Strict(encoding, bytes) : null;
        }
        // Not valid UTF-8 (often Latin-1): scan it anyway, with replacement characters where bytes did not decode.
        // Checked first (vectorised) rather than by catching a strict decoder's exception.
        var text = bytes[offset..];
        invalidUtf8 = !System.Text.Unicode.Utf8.IsValid(text);
        return LenientUtf8.GetString(text);
    }

    /// <summary>
    /// UTF-16 or UTF-32 without a mark, told by where the zero bytes fall: mostly-ASCII text in UTF-16 LE has a zero
    /// in every odd byte, in UTF-32 LE in bytes 1-3 of every four (BE mirrored). Anything else is binary.
    /// </summary>
    internal static Encoding? Unmarked(ReadOnlySpan<byte> sample, long length)
    {
        var sampleLength = sample.Length;
        const double Mostly = 0.9;
        // Every binary file's head comes here (a .pyc, an image): the zeros at each position modulo 4 are counted
        // in one vectorised pass, and each share below is their ratio.
        var zeros = ZerosByPosition(sample);
        if (length % 4 == 0 && sampleLength >= 4)
        {
            if (Share(4, 1) >= Mostly && Share(4, 2) >= Mostly && Share(4, 3) >= Mostly && Share(4, 0) < 0.5) return Utf32Le;
            if (Share(4, 0) >= Mostly && Share(4, 1) >= Mostly && Share(4, 2) >= Mostly && Share(4, 3) < 0.5) return Utf32Be;
        }
        if (length % 2 == 0 && sampleLength >= 2)
        {
            if (Share(2, 1) >= Mostly && Share(2, 0) < 0.5) return Utf16Le;
            if (Share(2, 0) >= Mostly && Share(2, 1) < 0.5) return Utf16Be;
        }
        return null;

        // The share of zero bytes among the bytes at `position` modulo `width` (2 or 4).
        double Share(int width, int position)
        {
            int zero = 0, total = 0;
            for (var p = position; p < 4; p += width)
            {
                zero += zeros[p];
                total += sampleLength > p ? (sampleLength - p + 3) / 4 : 0;
            }
            return total == 0 ? 0 : (double)zero / total;
        }
    }

    /// <summary>How many bytes of <paramref name="sample"/> are zero at each position modulo 4.</summary>
    // Its vector code is outside what the precompiled image targets, so it is compiled at run time: optimised at once,
    // not first as the unoptimised tier that a scan's few seconds never leave (0.9% of a standard-library scan).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] ZerosByPosition(ReadOnlySpan<byte> sample)
    {
        var zeros = new int[4];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Bit k of the mask is byte i + k, and i is a multiple of 4: so bit k's position modulo 4 is k's.
            for (; i + 32 <= sample.Length; i += 32)
            {
                var mask = Vector256.Equals(Vector256.Create(sample.Slice(i, 32)), Vector256<byte>.Zero).ExtractMostSignificantBits();
                for (var p = 0; p < 4; p++) zeros[p] += BitOperations.PopCount(mask & (0x11111111u << p));
            }
        }
        for (; i < sample.Length; i++) if (sample[i] == 0) zeros[i & 3]++;
        return zeros;
    }

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = encoding.GetString(bytes);
            // Decoded text with NULs in it is still not text (a UTF-16 image header, say).
            return text.Contains('\0') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
