using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Readiness.Runner.Drift;

namespace Readiness.Runner.Results;

/// <summary>The one JSON shape of results.json: camelCase, enums as lowercase strings, stable indentation.</summary>
public static class ResultsJson
{
    /// <summary>
    /// Resolves types only through <see cref="ResultsJsonContext"/>: their metadata is source-generated, so writing and
    /// reading results.json uses no reflection (a type outside the context throws instead of falling back to it).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(ScanResult result) => JsonSerializer.Serialize(result, Options);

    public static void Write(ScanResult result, string path) => File.WriteAllText(path, Serialize(result) + "\n");

    /// <summary>Reads a results.json written by this or an earlier version; throws JsonException with a path on bad input.</summary>
    public static ScanResult Read(string json) =>
        JsonSerializer.Deserialize<ScanResult>(json, Options) ?? throw new JsonException("results file is empty (null).");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = ResultsJsonContext.Default,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>
/// Source-generated metadata for results.json and drift.json (everything reachable from <see cref="ScanResult"/> and
/// <see cref="DriftReport"/>); the options themselves are <see cref="ResultsJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ScanResult))]
[JsonSerializable(typeof(DriftReport))]
public sealed partial class ResultsJsonContext : JsonSerializerContext;
