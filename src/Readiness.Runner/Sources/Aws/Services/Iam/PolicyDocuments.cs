using System.Text.Json;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>Reads an IAM policy document (JSON) into the model's reduced form.</summary>
public static class PolicyDocuments
{
    public static PolicyDocument Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var statement = doc.RootElement.TryGetProperty("Statement", out var s) ? s : default;
        var statements = statement.ValueKind switch
        {
            JsonValueKind.Array => statement.EnumerateArray().Select(Statement).ToList(),
            JsonValueKind.Object => [Statement(statement)],
            _ => [],
        };
        return new PolicyDocument { Statements = statements };
    }

    private static PolicyStatement Statement(JsonElement s) => new()
    {
        Effect = s.Str("Effect") ?? "Allow",
        Actions = Strings(s, "Action"),
        NotActions = Strings(s, "NotAction"),
        Resources = Strings(s, "Resource"),
        HasCondition = s.Has("Condition"),
    };

    private static List<string> Strings(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return [];
        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            _ => [],
        };
    }
}
