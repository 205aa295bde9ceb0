using System.Text;
using Readiness.Runner.Sources.Files;

namespace Readiness.Tests.Sources;

/// <summary>
/// Unmarked UTF-16 and UTF-32 are told from binary by the share of zero bytes at each position; the shares are
/// counted in one vectorised pass (issue 20), and must decide as counting each position on its own does.
/// </summary>
public class TextDecodingTests
{
    [Fact]
    public void Tells_unmarked_utf16_and_utf32_from_binary_as_counting_each_position_does()
    {
        var random = new Random(20);
        var samples = new List<byte[]>
        {
            Encoding.Unicode.GetBytes("plain ASCII text in UTF-16 LE, long enough to span several vectors of 32 bytes"),
            Encoding.BigEndianUnicode.GetBytes("plain ASCII text in UTF-16 BE"),
            new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes("UTF-32 LE text of some length to cross a vector"),
            new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("UTF-32 BE"),
        };
        foreach (var length in new[] { 0, 1, 2, 3, 4, 5, 31, 32, 33, 63, 64, 65, 127, 1000, 7999, 8000 })
        {
            // Zero bytes at every density and at chosen positions modulo 4, so each decision is met on both sides.
            foreach (var density in new[] { 0.0, 0.05, 0.5, 0.92, 1.0 })
            {
                foreach (var positions in new[] { 0b0001, 0b0010, 0b1010, 0b0101, 0b1110, 0b0111, 0b1111 })
                {
                    var bytes = new byte[length];
                    for (var i = 0; i < length; i++)
                        bytes[i] = (positions >> (i & 3) & 1) == 1 && random.NextDouble() < density ? (byte)0 : (byte)random.Next(1, 256);
                    samples.Add(bytes);
                }
            }
        }
        var decided = new HashSet<string>();
        foreach (var sample in samples)
        {
            foreach (var length in new long[] { sample.Length, sample.Length + 1, sample.Length + 2 })
            {
                var expected = CountingEachPosition(sample, length);
                TextDecoding.Unmarked(sample, length)?.WebName.ShouldBe(expected?.WebName, $"{sample.Length} bytes, file of {length}");
                (TextDecoding.Unmarked(sample, length) is null).ShouldBe(expected is null);
                decided.Add(expected?.WebName ?? "binary");
            }
        }
        decided.ShouldBe(["utf-16", "utf-16BE", "utf-32", "utf-32BE", "binary"], ignoreOrder: true);
    }

    /// <summary>The rule as first written: each share counted on its own.</summary>
    private static Encoding? CountingEachPosition(byte[] sample, long length)
    {
        const double Mostly = 0.9;
        if (length % 4 == 0 && sample.Length >= 4)
        {
            if (Share(4, 1) >= Mostly && Share(4, 2) >= Mostly && Share(4, 3) >= Mostly && Share(4, 0) < 0.5) return new UTF32Encoding(false, false);
            if (Share(4, 0) >= Mostly && Share(4, 1) >= Mostly && Share(4, 2) >= Mostly && Share(4, 3) < 0.5) return new UTF32Encoding(true, false);
        }
        if (length % 2 == 0 && sample.Length >= 2)
        {
            if (Share(2, 1) >= Mostly && Share(2, 0) < 0.5) return new UnicodeEncoding(false, false);
            if (Share(2, 0) >= Mostly && Share(2, 1) < 0.5) return new UnicodeEncoding(true, false);
        }
        return null;

        double Share(int width, int position)
        {
            int zeros = 0, total = 0;
            for (var i = position; i < sample.Length; i += width, total++) if (sample[i] == 0) zeros++;
            return total == 0 ? 0 : (double)zeros / total;
        }
    }
}
