using System.Globalization;
using Readiness.Rules.Model;

namespace Readiness.Rules.Languages.JavaScript;

/// <summary>A JSON value with the character offset where it starts (for line numbers).</summary>
public abstract record JsonNode(int Offset);
public sealed record JsonScalar(object? Value, int Offset) : JsonNode(Offset);
public sealed record JsonArray(IReadOnlyList<JsonNode> Items, int Offset) : JsonNode(Offset);
public sealed record JsonMember(string Key, int KeyOffset, JsonNode Value);

public sealed record JsonObject(IReadOnlyList<JsonMember> Members, int Offset) : JsonNode(Offset)
{
    /// <summary>The last member with this key (JSON readers keep the last duplicate); case-sensitive unless asked.</summary>
    public JsonMember? Member(string key, bool ignoreCase = false) =>
        Members.LastOrDefault(m => string.Equals(m.Key, key, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    public JsonNode? this[string key] => Member(key)?.Value;
}

/// <summary>
/// Parses JSON as the tools that read these files do: comments and trailing commas allowed (appsettings.json and
/// Chrome's manifest.json both accept comments). Returns null for text that is not JSON or nests deeper than 200 levels.
/// </summary>
public static class JsonTree
{
    private const int MaxDepth = 200;

    public static JsonNode? Parse(SourceFile file) => file.Parsed(f => new Box(Parse(f.Text))).Node;

    private sealed record Box(JsonNode? Node);

    public static JsonNode? Parse(string text)
    {
        var tokens = JsTokenizer.Tokenize(text);
        var pos = 0;
        var node = Value(tokens, ref pos, 0);
        return node is not null && tokens[pos].Kind == JsTokenKind.End ? node : null;
    }

    private static JsonNode? Value(List<JsToken> tokens, ref int pos, int depth)
    {
        if (depth > MaxDepth) return null;
        var t = tokens[pos];
        switch (t.Kind)
        {
            case JsTokenKind.String:
                pos++;
                return new JsonScalar(t.Value, t.Offset);
            case JsTokenKind.Number:
                pos++;
                return double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? new JsonScalar(d, t.Offset) : null;
            case JsTokenKind.Identifier:
                pos++;
                return t.Text switch
                {
                    "true" => new JsonScalar(true, t.Offset),
                    "false" => new JsonScalar(false, t.Offset),
                    "null" => new JsonScalar(null, t.Offset),
                    _ => null,
                };
            case JsTokenKind.Punct when t.Text == "-" && tokens[pos + 1].Kind == JsTokenKind.Number:
                pos++;
                var inner = Value(tokens, ref pos, depth) as JsonScalar;
                return inner?.Value is double n ? new JsonScalar(-n, t.Offset) : null;
            case JsTokenKind.Punct when t.Text == "[":
                {
                    pos++;
                    var items = new List<JsonNode>();
                    while (!tokens[pos].Is("]"))
                    {
                        var item = Value(tokens, ref pos, depth + 1);
                        if (item is null) return null;
                        items.Add(item);
                        if (tokens[pos].Is(",")) pos++;
                        else if (!tokens[pos].Is("]")) return null;
                    }
                    pos++;
                    return new JsonArray(items, t.Offset);
                }
            case JsTokenKind.Punct when t.Text == "{":
                {
                    pos++;
                    var members = new List<JsonMember>();
                    while (!tokens[pos].Is("}"))
                    {
                        var key = tokens[pos];
                        if (key.Kind != JsTokenKind.String || !tokens[pos + 1].Is(":")) return null;
                        pos += 2;
                        var value = Value(tokens, ref pos, depth + 1);
                        if (value is null) return null;
                        members.Add(new JsonMember(key.Value!, key.Offset, value));
                        if (tokens[pos].Is(",")) pos++;
                        else if (!tokens[pos].Is("}")) return null;
                    }
                    pos++;
                    return new JsonObject(members, t.Offset);
                }
            default:
                return null;
        }
    }
}
