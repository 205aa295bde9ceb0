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
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = Encoder });
        JsonSerializer.Serialize(writer, result, ResultsWriter.Default.ScanResult);
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
