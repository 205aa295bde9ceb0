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

    private static readonly Type[] Kinds =
    [
        typeof(DbInstance), typeof(SecurityGroup), typeof(Distribution), typeof(ResponseHeadersPolicy), typeof(WebAcl),
        typeof(Secret), typeof(IamUser), typeof(IamGroup), typeof(IamRole), typeof(IamPolicy), typeof(S3Bucket),
        typeof(LoadBalancer), typeof(Vpc), typeof(Trail), typeof(AccountSettings),
    ];

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

    /// <summary>A known Value&lt;T&gt; is written as the plain value; an unresolved one as {"unresolved": "expression"}.</summary>
    private sealed class ValueConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Value<>);

        public override JsonConverter CreateConverter(Type t, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValueConverter<>).MakeGenericType(t.GetGenericArguments()[0]))!;
    }

    private sealed class ValueConverter<T> : JsonConverter<Value<T>>
    {
        public override bool HandleNull => true;

        public override Value<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return Value<T>.Of(JsonSerializer.Deserialize<T>(ref reader, options)!);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.TryGetProperty("unresolved", out var expression) && root.EnumerateObject().Count() == 1)
                return Value<T>.Unresolved(expression.GetString() ?? "");
            return Value<T>.Of(root.Deserialize<T>(options)!);
        }

        public override void Write(Utf8JsonWriter writer, Value<T> value, JsonSerializerOptions options)
        {
            if (value.IsKnown) JsonSerializer.Serialize(writer, value.Known, options);
            else
            {
                writer.WriteStartObject();
                writer.WriteString("unresolved", value.Expression);
                writer.WriteEndObject();
            }
        }
    }
}
