using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readiness.Runner.Results;

/// <summary>
/// The one JSON shape of results.json: camelCase, enums as kebab-case strings (<see cref="Rules.Model.KebabCaseEnumConverter{TEnum}"/>
/// on each enum), nulls left out, stable indentation, and only the escaping JSON requires.
/// </summary>
public static class ResultsJson
{
    /// <summary>results.json's escaping: non-ASCII text and &lt; &gt; &amp; ' + stay as they are.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// The same shape through reflection: for reading results back (baselines, merge, email) and drift.json.
    /// Reading stays on reflection because source-generated metadata loses the initial values of init-only
    /// properties a file leaves out (dotnet/runtime#84484), and files of earlier versions leave some out.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Encoder,
    };

    /// <summary>Streams results.json (without the final newline): a merged organisation's runs to hundreds of MB.</summary>
    public static void Serialize(Stream output, ScanResult result)
    {
        // Through a 64 KB buffer: on a Stream the writer flushes the stream once per element, one write system call
        // for every 170 bytes of a standard library's coverage (17,000 of them for 2.9 MB).
        using var buffer = new ChunkedStreamWriter(output);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Encoder }))
            JsonSerializer.Serialize(writer, result, ResultsWriter.Default.ScanResult);
        buffer.Flush();
    }

    public static string Serialize(ScanResult result)
    {
        using var buffer = new MemoryStream();
        Serialize(buffer, result);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(ScanResult result, string path) => File.WriteAllText(path, Serialize(result) + "\n");

    /// <summary>Reads a results.json written by this or an earlier version; throws JsonException with a path on bad input.</summary>
    public static ScanResult Read(string json) =>
        JsonSerializer.Deserialize<ScanResult>(json, Options) ?? throw new JsonException("results file is empty (null).");
}

/// <summary>An <see cref="IBufferWriter{T}"/> that writes to a stream in chunks of at least 64 KB, and the rest on <see cref="Flush"/>.</summary>
internal sealed class ChunkedStreamWriter(Stream output) : IBufferWriter<byte>, IDisposable
{
    private const int ChunkSize = 1 << 16;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int written;

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(written);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(written);

    public void Flush()
    {
        output.Write(buffer, 0, written);
        written = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private byte[] Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (buffer.Length - written >= sizeHint) return buffer;
        Flush();
        if (buffer.Length < sizeHint)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
        }
        return buffer;
    }
}

/// <summary>
/// results.json's writer, source-generated (serialization code only): writing needs no reflection and builds no
/// property metadata, so a scan JIT-compiles far less of System.Text.Json (docs/performance.md). The generator runs
/// this fast path only while the options below hold no converter and no encoder, and no property of the graph has a
/// converter of its own: enums carry theirs on the type, and the writer (see <see cref="ResultsJson.Serialize(Stream, ScanResult)"/>)
/// does the escaping. Its options must match <see cref="ResultsJson.Options"/>; the golden tests compare the two.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScanResult))]
internal sealed partial class ResultsWriter : JsonSerializerContext;
