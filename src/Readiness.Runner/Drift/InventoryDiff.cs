using System.Text.Json;
using System.Text.Json.Nodes;

namespace Readiness.Runner.Drift;

/// <summary>
/// Compares two AWS inventory snapshots (format "readiness.aws-inventory", written by `readiness collect aws`) resource
/// by resource, generically over their JSON so every resource kind is covered: resources created or deleted, scalar
/// attributes changed (deletionProtection true -> false), list elements added or removed (a new ingress rule).
/// Lists of objects with an "id" are matched by id. Timestamps of use (lastUsed...) are left out: they change every
/// night and say nothing about configuration.
/// </summary>
public static class InventoryDiff
{
    public const string Format = "readiness.aws-inventory";

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "provenance", "definition", "lastUsed", "lastUsedAt", "passwordLastUsed", "servicesRead" };

    /// <summary>Parses an inventory file; throws FormatException naming <paramref name="source"/> when it is not one.</summary>
    public static JsonArray Resources(string json, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException($"{source}: the inventory is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not valid JSON: {ex.Message}");
        }
        if ((string?)root["format"] != Format) throw new FormatException($"{source}: not a Readiness AWS inventory (\"format\" must be \"{Format}\").");
        return root["resources"] as JsonArray ?? [];
    }

    public static IReadOnlyList<ResourceChange> Compare(JsonArray before, JsonArray after)
    {
        var old = Index(before);
        var now = Index(after);
        var changes = new List<ResourceChange>();
        foreach (var (key, (kind, name, resource)) in now)
        {
            if (!old.TryGetValue(key, out var previous))
            {
                changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "added" });
                continue;
            }
            CompareObjects(kind, name, "", previous.Node, resource, changes);
        }
        foreach (var (key, (kind, name, _)) in old)
        {
            if (!now.ContainsKey(key)) changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "removed" });
        }
        return changes.OrderBy(c => c.Resource, StringComparer.Ordinal).ThenBy(c => c.Attribute, StringComparer.Ordinal).ThenBy(c => c.Change, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, (string Kind, string Name, JsonObject Node)> Index(JsonArray resources)
    {
        var index = new Dictionary<string, (string, string, JsonObject)>(StringComparer.Ordinal);
        foreach (var node in resources.OfType<JsonObject>())
        {
            // Only live resources drift; an inventory may also carry the IaC definitions it was linked with.
            if ((string?)node["provenance"]?["origin"] is { } origin && origin != "awsLive") continue;
            var kind = (string?)node["kind"] ?? "Resource";
            var id = (string?)node["id"] ?? "";
            var provenance = node["provenance"] as JsonObject;
            var arn = (string?)provenance?["arn"];
            var key = arn ?? $"{kind}|{(string?)provenance?["account"]}|{(string?)provenance?["region"]}|{id}";
            index.TryAdd(key, (kind, arn ?? id, node));
        }
        return index;
    }

    private static void CompareObjects(string kind, string name, string path, JsonObject before, JsonObject after, List<ResourceChange> changes)
    {
        var keys = before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(k => !Ignored.Contains(k)).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var attribute = path.Length == 0 ? key : $"{path}.{key}";
            var b = before[key];
            var a = after[key];
            switch (b, a)
            {
                case (JsonObject bo, JsonObject ao):
                    CompareObjects(kind, name, attribute, bo, ao, changes);
                    break;
                case (JsonArray ba, JsonArray aa):
                    CompareArrays(kind, name, attribute, ba, aa, changes);
                    break;
                case (JsonArray ba, null):
                    CompareArrays(kind, name, attribute, ba, [], changes);
                    break;
                case (null, JsonArray aa):
                    CompareArrays(kind, name, attribute, [], aa, changes);
                    break;
                default:
                    // The snapshot leaves out default values: an absent flag is false, an absent number 0.
                    var bt = Text(b) ?? DefaultLike(a);
                    var at = Text(a) ?? DefaultLike(b);
                    if (bt != at) changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "changed", Attribute = attribute, Before = bt ?? "(not set)", After = at ?? "(not set)" });
                    break;
            }
        }
    }

    private static void CompareArrays(string kind, string name, string path, JsonArray before, JsonArray after, List<ResourceChange> changes)
    {
        if (IdKeyed(before) && IdKeyed(after))
        {
            var old = before.OfType<JsonObject>().ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
            var now = after.OfType<JsonObject>().ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
            foreach (var (id, node) in now)
            {
                if (old.TryGetValue(id, out var previous)) CompareObjects(kind, name, $"{path}[{id}]", previous, node, changes);
                else changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "changed", Attribute = path, After = Text(Stripped(node)) });
            }
            foreach (var (id, node) in old.Where(o => !now.ContainsKey(o.Key)))
                changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "changed", Attribute = path, Before = Text(Stripped(node)) });
            return;
        }
        var oldItems = before.Select(e => Text(e is JsonObject o ? Stripped(o) : e) ?? "null").ToHashSet(StringComparer.Ordinal);
        var newItems = after.Select(e => Text(e is JsonObject o ? Stripped(o) : e) ?? "null").ToHashSet(StringComparer.Ordinal);
        foreach (var added in newItems.Where(i => !oldItems.Contains(i)).Order(StringComparer.Ordinal))
            changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "changed", Attribute = path, After = added });
        foreach (var removed in oldItems.Where(i => !newItems.Contains(i)).Order(StringComparer.Ordinal))
            changes.Add(new ResourceChange { Kind = kind, Resource = name, Change = "changed", Attribute = path, Before = removed });
    }

    private static string? DefaultLike(JsonNode? other) => other is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "false",
            JsonValueKind.Number => "0",
            _ => null,
        }
        : null;

    private static bool IdKeyed(JsonArray array) =>
        array.All(e => e is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out _))
        && array.Select(e => (string)e!["id"]!).Distinct(StringComparer.Ordinal).Count() == array.Count;

    private static JsonObject Stripped(JsonObject node)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in node.Where(p => !Ignored.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)) copy[key] = value?.DeepClone();
        return copy;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => node.ToJsonString(),
    };
}
