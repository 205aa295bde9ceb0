using System.Buffers.Binary;
using System.IO.Compression;

namespace Readiness.Tests.Support;

/// <summary>
/// Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are) into luminance values,
/// enough to tell a blank screenshot from a rendered page.
/// </summary>
public static class PngPixels
{
    public static (int Width, int Height, byte[] Luma) Decode(byte[] png)
    {
        var pos = 8;
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                data[8].ShouldBe((byte)8, "bit depth");
                channels = data[9] switch { 2 => 3, 6 => 4, var c => throw new NotSupportedException($"PNG color type {c}") };
                data[12].ShouldBe((byte)0, "interlace");
            }
            else if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
        }

        using var inflated = new MemoryStream();
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var luma = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
                luma[y * width + x] = (byte)((current[x * channels] * 299 + current[x * channels + 1] * 587 + current[x * channels + 2] * 114) / 1000);
            (previous, current) = (current, previous);
        }
        return (width, height, luma);
    }

    public static double Variance(byte[] values)
    {
        var mean = values.Average(v => (double)v);
        return values.Average(v => (v - mean) * (v - mean));
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
