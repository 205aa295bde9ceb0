using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// The recorded inventory format (docs/aws.md, "Snapshots"): format name and version, when and what was read
/// (accounts, regions, API calls), the coverage gaps of that collection, and the resources as the shared model holds
/// them, each with a "kind" naming its model class. Gaps travel with the snapshot, so judging a recorded inventory
/// fails closed exactly as the live scan would have.
/// </summary>
public static class AwsInventoryFile
{
    public const string Format = "readiness.aws-inventory";
    public const int Version = 1;

    // Every model record is a kind, named by its class: a new service's records need no registration here.
    private static readonly Type[] Kinds = typeof(CloudResource).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CloudResource)) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static readonly JsonSerializerOptions Json = CreateOptions();

    public sealed record Snapshot
    {
        public DateTimeOffset CollectedAt { get; init; }
        public IReadOnlyList<string> Accounts { get; init; } = [];
        public IReadOnlyList<string> Regions { get; init; } = [];
        public long ApiCalls { get; init; }

        /// <summary>Calls sent per "service:Operation", retries included.</summary>
        public IReadOnlyDictionary<string, long> ApiCallsByOperation { get; init; } = new Dictionary<string, long>();
        public IReadOnlyList<CoverageGap> Gaps { get; init; } = [];
        public IReadOnlyList<CloudResource> Resources { get; init; } = [];
    }

    public static string Serialize(Snapshot snapshot)
    {
        var body = JsonSerializer.SerializeToNode(snapshot, Json)!.AsObject();
        var root = new JsonObject { ["format"] = Format, ["version"] = Version };
        foreach (var (k, v) in body.ToList())
        {
            body.Remove(k);
            root[k] = v;
        }
        return root.ToJsonString(Json) + "\n";
    }

    public static Snapshot Deserialize(string json, string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException($"{path}: the inventory is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}:{e.LineNumber + 1}: not valid JSON: {e.Message}");
        }
        if ((string?)root["format"] != Format)
            throw new FormatException($"{path}: not a Readiness AWS inventory (\"format\" must be \"{Format}\").");
        if ((int?)root["version"] != Version)
            throw new FormatException($"{path}: inventory version {root["version"]} is not supported; this Readiness reads version {Version}.");
        try
        {
            return root.Deserialize<Snapshot>(Json) ?? throw new FormatException($"{path}: the inventory is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: {e.Path}: {e.Message}");
        }
    }

    public static Snapshot Load(string path) => Deserialize(File.ReadAllText(path), path);

    public static void Save(string path, Snapshot snapshot) => File.WriteAllText(path, Serialize(snapshot));

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object) return;
            // Computed properties (Service, Type, DisplayName, IsLive) and the scan-time link to code are not recorded.
            foreach (var p in info.Properties.Where(p => p.Set is null || p.Name is "definition").ToList()) info.Properties.Remove(p);
            if (info.Type == typeof(CloudResource))
            {
                info.PolymorphismOptions = new JsonPolymorphismOptions
                {
                    TypeDiscriminatorPropertyName = "kind",
                    UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
                };
                foreach (var kind in Kinds) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind, kind.Name));
            }
        });
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new ValueConverterFactory(), new StringSetConverter() },
        };
        return options;
    }

    /// <summary>Sets (AccountSettings.ServicesRead) as sorted arrays.</summary>
    private sealed class StringSetConverter : JsonConverter<IReadOnlySet<string>>
    {
        public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new SortedSet<string>(JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [], StringComparer.Ordinal);

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Order(StringComparer.Ordinal).ToList(), options);
    }

    /// <summary>
    /// A known Value&lt;T&gt; is written as the plain value, an unresolved one as {"unresolved": "expression"}; a value
    /// that knows where in code it was set adds that place: {"value": v, "origin": {"file": ..., "line": ...}}.
    /// </summary>
    private sealed class ValueConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Value<>);

        public override JsonConverter CreateConverter(Type t, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValueConverter<>).MakeGenericType(t.GetGenericArguments()[0]))!;
    }

    private sealed class ValueConverter<T> : JsonConverter<Value<T>>
    {
        private static readonly string[] Wrapper = ["value", "unresolved", "origin"];

        public override bool HandleNull => true;

        public override Value<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return Value<T>.Of(JsonSerializer.Deserialize<T>(ref reader, options)!);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            var names = root.EnumerateObject().Select(p => p.Name).ToList();
            // An object that is itself the value (a policy document) has other keys than the wrapper's.
            if (names.Count == 0 || !names.All(Wrapper.Contains) || names.Contains("value") == names.Contains("unresolved"))
                return Value<T>.Of(root.Deserialize<T>(options)!);
            var value = root.TryGetProperty("unresolved", out var expression)
                ? Value<T>.Unresolved(expression.GetString() ?? "")
                : Value<T>.Of(root.GetProperty("value").Deserialize<T>(options)!);
            return root.TryGetProperty("origin", out var origin) ? value.From(origin.Deserialize<ValueOrigin>(options)) : value;
        }

        public override void Write(Utf8JsonWriter writer, Value<T> value, JsonSerializerOptions options)
        {
            if (value.IsKnown && value.Origin is null)
            {
                JsonSerializer.Serialize(writer, value.Known, options);
                return;
            }
            writer.WriteStartObject();
            if (value.IsKnown)
            {
                writer.WritePropertyName("value");
                JsonSerializer.Serialize(writer, value.Known, options);
            }
            else writer.WriteString("unresolved", value.Expression);
            if (value.Origin is { } origin)
            {
                writer.WritePropertyName("origin");
                JsonSerializer.Serialize(writer, origin, options);
            }
            writer.WriteEndObject();
        }
    }
}
