using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Reads a repository policy's statements with their principals, from jsonencode(...), a JSON string (Terraform,
/// the API), a CloudFormation object, or data.aws_iam_policy_document. An unknown principal, effect or action makes
/// the whole policy unresolved: a guess could hide a grant to everyone.
/// </summary>
internal static class EcrPolicies
{
    public static Value<IReadOnlyList<ResourcePolicyStatement>> FromAttribute(IacBody body, string attribute, IacScope scope) =>
        IacPolicySource.Read<IReadOnlyList<ResourcePolicyStatement>>(body, attribute, scope, [], FromObject, FromPolicyDocumentData).From(body.OriginOf(attribute));

    public static Value<IReadOnlyList<ResourcePolicyStatement>> FromJson(string json) =>
        IacPolicySource.FromJson<IReadOnlyList<ResourcePolicyStatement>>(json, FromObject);

    private static Value<IReadOnlyList<ResourcePolicyStatement>> FromObject(object? document, string expression)
    {
        if (document is not Dictionary<string, object?> map) return Value<IReadOnlyList<ResourcePolicyStatement>>.Unresolved(document is IacUnknown u ? u.Expression : expression);
        var items = Get(map, "Statement") switch
        {
            List<object?> list => list,
            Dictionary<string, object?> single => [single],
            null => [],
            _ => null,
        };
        if (items is null) return Value<IReadOnlyList<ResourcePolicyStatement>>.Unresolved(expression);
        var statements = new List<ResourcePolicyStatement>();
        foreach (var item in items)
        {
            if (item is not Dictionary<string, object?> s) return Value<IReadOnlyList<ResourcePolicyStatement>>.Unresolved(IacValue.Text(item));
            var effect = Get(s, "Effect");
            var principal = Get(s, "Principal");
            var actions = Get(s, "Action");
            foreach (var part in new[] { effect, principal, actions })
            {
                if (!IacValues.IsKnown(part)) return Value<IReadOnlyList<ResourcePolicyStatement>>.Unresolved(IacValues.Unknowns(part).First().Expression);
            }
            statements.Add(new ResourcePolicyStatement
            {
                Effect = IacValues.AsString(effect) ?? "Allow",
                Principals = Principals(principal),
                Actions = IacValue.Strings(actions),
                HasCondition = Get(s, "Condition") is not null,
            });
        }
        return statements;
    }

    /// <summary>"*" and {"AWS": "*"} are everyone; {"AWS": [...], "Service": ...} lists its principals.</summary>
    private static IReadOnlyList<string> Principals(object? principal) => principal switch
    {
        null => [],
        string s => [s],
        Dictionary<string, object?> map => map.Values.SelectMany(IacValue.Strings).ToList(),
        _ => IacValue.Strings(principal),
    };

    private static Value<IReadOnlyList<ResourcePolicyStatement>> FromPolicyDocumentData(IacBody data)
    {
        var statements = new List<ResourcePolicyStatement>();
        foreach (var s in data.Blocks("statement"))
        {
            var effect = s.Get("effect") ?? "Allow";
            var actions = s.Get("actions");
            var principals = s.Blocks("principals").Select(p => p.Get("identifiers")).ToList();
            if (!IacValues.IsKnown(effect) || !IacValues.IsKnown(actions) || principals.Any(p => !IacValues.IsKnown(p)))
                return Value<IReadOnlyList<ResourcePolicyStatement>>.Unresolved("a statement of " + data.Line);
            statements.Add(new ResourcePolicyStatement
            {
                Effect = IacValues.AsString(effect) ?? "Allow",
                Principals = principals.SelectMany(IacValue.Strings).ToList(),
                Actions = IacValue.Strings(actions),
                HasCondition = s.Blocks("condition").Any(),
            });
        }
        return statements;
    }

    private static object? Get(Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) ? v : map.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
