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
        Principals = Principals(s.Obj("Principal")),
        HasCondition = s.Has("Condition"),
        Conditions = Conditions(s.Obj("Condition")),
    };

    /// <summary>Principal: "*" or {"AWS": "*" | [..], "Service": .., "Federated": ..}.</summary>
    private static List<PolicyPrincipal> Principals(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => [new PolicyPrincipal("*", principal.GetString()!)],
        JsonValueKind.Object => principal.EnumerateObject().SelectMany(p => Strings(principal, p.Name).Select(id => new PolicyPrincipal(p.Name, id))).ToList(),
        _ => [],
    };

    /// <summary>Condition: {"Operator": {"key": "value" | ["values"]}}.</summary>
    private static List<PolicyCondition> Conditions(JsonElement condition) =>
        condition.ValueKind != JsonValueKind.Object ? [] :
            condition.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object)
                .SelectMany(o => o.Value.EnumerateObject().Select(k => new PolicyCondition(o.Name, k.Name, Strings(o.Value, k.Name))))
                .ToList();

    private static List<string> Strings(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return [];
        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => [v.GetRawText()],
            _ => [],
        };
    }
}
