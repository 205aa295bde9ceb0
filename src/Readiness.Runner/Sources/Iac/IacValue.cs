using System.Globalization;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Iac;

/// <summary>
/// Converts evaluated IaC values (Terraform and CloudFormation share the same plain form: string, decimal, bool, list,
/// map, <see cref="IacUnknown"/>) into model values. Absent means the AWS default; unknown stays unresolved.
/// </summary>
public static class IacValue
{
    // An attribute of a body, as a model value that remembers where it was set (absent: the default, no origin).
    public static Value<bool> Bool(IacBody? body, string attribute, bool absent) => Bool(body?.Get(attribute), absent).From(body?.OriginOf(attribute));
    public static Value<int> Int(IacBody? body, string attribute, int absent) => Int(body?.Get(attribute), absent).From(body?.OriginOf(attribute));
    public static Value<string> String(IacBody? body, string attribute, string absent) => String(body?.Get(attribute), absent).From(body?.OriginOf(attribute));
    public static Value<string?> Optional(IacBody? body, string attribute) => Optional(body?.Get(attribute)).From(body?.OriginOf(attribute));
    public static Value<string?> Reference(IacBody? body, string attribute) => Reference(body?.Get(attribute)).From(body?.OriginOf(attribute));

    public static Value<bool> Bool(object? value, bool absent) => value switch
    {
        null => absent,
        IacUnknown u => Value<bool>.Unresolved(u.Expression),
        _ when IacValues.AsBool(value) is { } b => b,
        _ => Value<bool>.Unresolved(IacValues.AsString(value) ?? "?"),
    };

    public static Value<int> Int(object? value, int absent) => value switch
    {
        null => absent,
        IacUnknown u => Value<int>.Unresolved(u.Expression),
        _ when IacValues.AsNumber(value) is { } d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => Value<int>.Unresolved(IacValues.AsString(value) ?? "?"),
    };

    public static Value<string> String(object? value, string absent) => value switch
    {
        null => absent,
        IacUnknown u => Value<string>.Unresolved(u.Expression),
        _ when IacValues.AsString(value) is { } s => s,
        _ => Value<string>.Unresolved("?"),
    };

    /// <summary>A string that may be absent (null is a known "none").</summary>
    public static Value<string?> Optional(object? value) => value switch
    {
        null => (string?)null,
        IacUnknown u => Value<string?>.Unresolved(u.Expression),
        _ => IacValues.AsString(value),
    };

    /// <summary>An id or ARN, or for a reference to another IaC resource that resource's address (or logical id).</summary>
    public static Value<string?> Reference(object? value) => value switch
    {
        null => (string?)null,
        string s when s.Length == 0 => (string?)null,
        IacUnknown { Reference: { } reference } => reference,
        IacUnknown u => Value<string?>.Unresolved(u.Expression),
        _ => IacValues.AsString(value),
    };

    /// <summary>The string or referenced address that identifies another resource; null when neither is known.</summary>
    public static string? KeyOf(object? value) => value switch
    {
        string s => s,
        IacUnknown u => u.Reference,
        _ => null,
    };

    /// <summary>Known strings and references of a list (or a single value).</summary>
    public static IReadOnlyList<string> Strings(object? value) => value switch
    {
        null => [],
        List<object?> list => list.Select(KeyOf).OfType<string>().ToList(),
        _ => KeyOf(value) is { } s ? [s] : [],
    };

    /// <summary>Each element as a value; an unresolved list becomes one unresolved element.</summary>
    public static IReadOnlyList<Value<string>> StringValues(object? value) => value switch
    {
        null => [],
        List<object?> list => list.Select(v => String(v, "")).ToList(),
        _ => [String(value, "")],
    };

    /// <summary>Known strings and references of a list attribute, each recorded as set on the attribute's line.</summary>
    public static IReadOnlyList<Value<string>> StringsAt(IacBody body, string attribute)
    {
        var origin = body.OriginOf(attribute);
        return Strings(body.Get(attribute)).Select(s => Value<string>.Of(s).From(origin)).ToList();
    }

    public static string Text(object? value) => value switch
    {
        IacUnknown u => u.Expression,
        _ => IacValues.AsString(value) ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// The one reader of policy documents (IAM identity and trust policies, KMS key policies, S3 bucket and ECR repository
/// policies): a decoded JSON document whose leaves may be unknown (jsonencode, CloudFormation, live JSON), or the
/// statement blocks of a data.aws_iam_policy_document. An unknown effect or action leaves the document unresolved; an
/// unknown principal or condition value leaves only its statement undecided (<see cref="PolicyStatement.OpenToAnyone"/>).
/// </summary>
public static class IacPolicy
{
    /// <summary>A Terraform policy attribute; null when absent.</summary>
    public static Value<PolicyDocument?> Read(IacBody body, string attribute, IacScope scope) =>
        IacPolicySource.Read<PolicyDocument?>(body, attribute, scope, null, FromObject, data => FromPolicyDocumentData(data, scope));

    /// <summary>A policy as JSON text (a Terraform or CloudFormation string, a live answer); text that is not JSON is unresolved.</summary>
    public static Value<PolicyDocument?> FromJson(string json) => IacPolicySource.FromJson<PolicyDocument?>(json, FromObject);

    public static Value<PolicyDocument?> FromObject(object? document, string expression)
    {
        if (document is IacUnknown u) return Value<PolicyDocument?>.Unresolved(u.Expression);
        if (document is not Dictionary<string, object?> map) return Value<PolicyDocument?>.Unresolved(expression);
        var raw = Get(map, "Statement");
        var items = raw switch
        {
            List<object?> list => list,
            Dictionary<string, object?> single => [single],
            null => [],
            _ => null,
        };
        if (items is null) return Value<PolicyDocument?>.Unresolved(IacValue.Text(raw));
        var statements = new List<PolicyStatement>();
        foreach (var item in items)
        {
            if (item is not Dictionary<string, object?> s) return Value<PolicyDocument?>.Unresolved(IacValue.Text(item));
            var effect = Get(s, "Effect");
            var actions = Get(s, "Action");
            var notActions = Get(s, "NotAction");
            // An unknown effect or action could be anything: the document cannot be judged.
            foreach (var part in new[] { effect, actions, notActions })
            {
                if (!IacValues.IsKnown(part)) return Value<PolicyDocument?>.Unresolved(FirstUnknown(part) ?? expression);
            }
            statements.Add(new PolicyStatement
            {
                Sid = IacValues.AsString(Get(s, "Sid")),
                Effect = IacValues.AsString(effect) ?? "Allow",
                Actions = IacValue.Strings(actions),
                NotActions = IacValue.Strings(notActions),
                Resources = Texts(Get(s, "Resource")),
                Principals = Principals(Get(s, "Principal")),
                NotPrincipals = Principals(Get(s, "NotPrincipal")),
                HasCondition = Get(s, "Condition") is not null,
                Conditions = Conditions(Get(s, "Condition"), out var known),
                ConditionsKnown = known,
            });
        }
        return new PolicyDocument { Statements = statements };
    }

    /// <summary>
    /// The statement blocks of a data.aws_iam_policy_document, after the statements of its source_policy_documents
    /// (JSON text or other policy documents of the scope, which Terraform requires to have unique sids).
    /// </summary>
    public static Value<PolicyDocument?> FromPolicyDocumentData(IacBody data, IacScope scope, int depth = 0)
    {
        // Overrides and the legacy JSON arguments could change any statement: not read.
        foreach (var merged in new[] { "override_policy_documents", "source_json", "override_json" })
        {
            if (data.Get(merged) is { } value) return Value<PolicyDocument?>.Unresolved(merged + " = " + IacValue.Text(value));
        }
        var sources = new List<PolicyStatement>();
        foreach (var source in data.Get("source_policy_documents") switch { null => [], List<object?> list => list, var one => [one] })
        {
            var document = source switch
            {
                string json => FromJson(json),
                IacUnknown { Reference: { } reference } when depth < 8 && reference.Contains("data.aws_iam_policy_document.", StringComparison.Ordinal)
                    && scope.ByAddress(reference) is { } other => FromPolicyDocumentData(other.Body, scope, depth + 1),
                IacUnknown unknown => Value<PolicyDocument?>.Unresolved(unknown.Expression),
                _ => Value<PolicyDocument?>.Unresolved("source_policy_documents = " + IacValue.Text(source)),
            };
            if (!document.IsKnown) return document;
            sources.AddRange(document.Known?.Statements ?? []);
        }
        var statements = new List<PolicyStatement>();
        foreach (var s in data.Blocks("statement"))
        {
            var effect = s.Get("effect") ?? "Allow";
            var actions = s.Get("actions");
            var notActions = s.Get("not_actions");
            foreach (var part in new[] { effect, actions, notActions })
            {
                if (!IacValues.IsKnown(part)) return Value<PolicyDocument?>.Unresolved(FirstUnknown(part) ?? "a statement of " + data.Line);
            }
            var conditions = new List<PolicyCondition>();
            var known = true;
            foreach (var c in s.Blocks("condition"))
            {
                if (!IacValues.IsKnown(c.Get("test")) || !IacValues.IsKnown(c.Get("variable"))) { known = false; continue; }
                if (Condition(IacValue.Text(c.Get("test")), IacValue.Text(c.Get("variable")), c.Get("values")) is { } condition) conditions.Add(condition);
                else known = false;
            }
            statements.Add(new PolicyStatement
            {
                Sid = IacValues.AsString(s.Get("sid")),
                Effect = IacValues.AsString(effect) ?? "Allow",
                Actions = IacValue.Strings(actions),
                NotActions = IacValue.Strings(notActions),
                Resources = Texts(s.Get("resources")),
                Principals = PrincipalBlocks(s.Blocks("principals")),
                NotPrincipals = PrincipalBlocks(s.Blocks("not_principals")),
                HasCondition = s.Blocks("condition").Any(),
                Conditions = conditions,
                ConditionsKnown = known,
            });
        }
        return new PolicyDocument { Statements = [.. sources, .. statements] };
    }

    /// <summary>Resources as text: an unknown ARN keeps its expression (it names one resource, never "*").</summary>
    public static IReadOnlyList<string> Texts(object? value) => value switch
    {
        null => [],
        List<object?> list => list.Select(IacValue.Text).ToList(),
        _ => [IacValue.Text(value)],
    };

    /// <summary>Principal: "*" or {"AWS": "*" | [..], "Service": .., "Federated": ..}; an unknown identifier keeps its expression.</summary>
    public static IReadOnlyList<PolicyPrincipal> Principals(object? principal) => principal switch
    {
        null => [],
        Dictionary<string, object?> map => map.SelectMany(kv => Items(kv.Value).Select(id => Principal(kv.Key, id))).ToList(),
        _ => [Principal("*", principal)],
    };

    private static IReadOnlyList<PolicyPrincipal> PrincipalBlocks(IEnumerable<IacBody> blocks) =>
        blocks.SelectMany(p => Items(p.Get("identifiers")).Select(id => Principal(IacValue.Text(p.Get("type")), id) with { IsKnown = IacValues.IsKnown(p.Get("type")) && !MayBeAnything(id) })).ToList();

    private static PolicyPrincipal Principal(string type, object? id) => new(type, IacValue.Text(id)) { IsKnown = !MayBeAnything(id) };

    private static IEnumerable<object?> Items(object? value) => value switch
    {
        null => [],
        List<object?> list => list,
        _ => [value],
    };

    /// <summary>
    /// An unknown that could be any text, "*" included: a variable or local, not a reference to a declared resource (a
    /// role's ARN names one principal) nor a template that writes an ARN around the unknown part.
    /// </summary>
    private static bool MayBeAnything(object? value) =>
        value is IacUnknown { Reference: null } u && !u.Expression.Contains("arn:", StringComparison.Ordinal);

    /// <summary>Condition: {"Operator": {"key": value | [values]}}; <paramref name="known"/> is false when an entry cannot be read.</summary>
    public static IReadOnlyList<PolicyCondition> Conditions(object? condition, out bool known)
    {
        known = true;
        if (condition is null) return [];
        if (condition is not Dictionary<string, object?> operators) { known = false; return []; }
        var entries = new List<PolicyCondition>();
        foreach (var (op, keys) in operators)
        {
            if (keys is not Dictionary<string, object?> map) { known = false; continue; }
            foreach (var (key, values) in map)
            {
                if (Condition(op, key, values) is { } entry) entries.Add(entry);
                else known = false;
            }
        }
        return entries;
    }

    /// <summary>
    /// One condition entry, or null when a value that could be anything leaves it unknown. An exact match (StringEquals)
    /// against any single value still names one caller, so its unknown values keep their expression; a pattern
    /// (StringLike, ArnLike, ArnEquals, IpAddress) set by a variable could be "*" or 0.0.0.0/0.
    /// </summary>
    private static PolicyCondition? Condition(string op, string key, object? values)
    {
        var exact = op.Contains("StringEquals", StringComparison.OrdinalIgnoreCase) && !op.Contains("Not", StringComparison.OrdinalIgnoreCase);
        if (!exact && (MayBeAnything(values) || Items(values).Any(MayBeAnything))) return null;
        return new PolicyCondition(op, key, Texts(values));
    }

    private static object? Get(Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) ? v : map.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? FirstUnknown(object? value) => value switch
    {
        IacUnknown u => u.Expression,
        List<object?> list => list.Select(FirstUnknown).FirstOrDefault(x => x is not null),
        _ => null,
    };
}
