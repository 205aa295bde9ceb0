using System.Globalization;
using System.Text.RegularExpressions;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Custom;

/// <summary>
/// What a condition says about one resource: it holds, it does not, or it cannot be told because an attribute it reads
/// is an unresolved expression (then <see cref="Attribute"/> and <see cref="Expression"/> name the first such value).
/// </summary>
public readonly record struct Truth(bool? Holds, string? Attribute = null, string? Expression = null)
{
    public static readonly Truth Yes = new(true);
    public static readonly Truth No = new(false);

    public static Truth Of(bool holds) => holds ? Yes : No;

    public static Truth Unknown(string attribute, string? expression) => new(null, attribute, expression);

    public Truth Not() => Holds is null ? this : Of(!Holds.Value);
}

/// <summary>
/// A custom resource rule's condition: what must hold for a resource to pass. <c>all</c> / <c>any</c> / <c>not</c> combine
/// leaves in three-valued logic, so an unresolved attribute only matters when the answer depends on it.
/// </summary>
public abstract record Condition
{
    /// <param name="tagsKnown">False for a live resource of a kind whose tags the collectors do not read: tag tests are then unknown.</param>
    public abstract Truth Evaluate(CloudResource resource, bool tagsKnown = true);

    /// <summary>What an unknown tag test names as its attribute (there is no expression to show).</summary>
    public const string TagsNotRead = "Tags";

    public sealed record All(IReadOnlyList<Condition> Conditions) : Condition
    {
        public override Truth Evaluate(CloudResource resource, bool tagsKnown = true)
        {
            Truth? unknown = null;
            foreach (var c in Conditions)
            {
                var t = c.Evaluate(resource, tagsKnown);
                if (t.Holds == false) return Truth.No;
                if (t.Holds is null) unknown ??= t;
            }
            return unknown ?? Truth.Yes;
        }
    }

    public sealed record Any(IReadOnlyList<Condition> Conditions) : Condition
    {
        public override Truth Evaluate(CloudResource resource, bool tagsKnown = true)
        {
            Truth? unknown = null;
            foreach (var c in Conditions)
            {
                var t = c.Evaluate(resource, tagsKnown);
                if (t.Holds == true) return Truth.Yes;
                if (t.Holds is null) unknown ??= t;
            }
            return unknown ?? Truth.No;
        }
    }

    public sealed record Not(Condition Inner) : Condition
    {
        public override Truth Evaluate(CloudResource resource, bool tagsKnown = true) => Inner.Evaluate(resource, tagsKnown).Not();
    }

    /// <summary><c>has_tag: Owner</c>: the resource carries the tag (with any value).</summary>
    public sealed record HasTag(string Key) : Condition
    {
        public override Truth Evaluate(CloudResource resource, bool tagsKnown = true) => tagsKnown ? Truth.Of(resource.Tags.ContainsKey(Key)) : Truth.Unknown(TagsNotRead, null);
    }

    /// <summary>One operator over one attribute (<c>{ attribute: StorageEncrypted, equals: true }</c>).</summary>
    /// <param name="AttributePath">As written: a model property (StorageEncrypted) or a tag (Tags.Environment).</param>
    /// <param name="Property">The model property read; the same name on every kind the rule judges (the loader checked).</param>
    /// <param name="TagKey">For Tags.KEY, the tag's key.</param>
    public sealed record Test(string AttributePath, string Property, string? TagKey, Operator Operator, IReadOnlyList<object> Operands, Regex? Pattern = null) : Condition
    {
        public override Truth Evaluate(CloudResource resource, bool tagsKnown = true)
        {
            var raw = resource.GetType().GetProperty(Property)!.GetValue(resource);
            if (TagKey is not null && !tagsKnown) return Truth.Unknown(TagsNotRead, null);
            if (TagKey is not null) return Judge(((IReadOnlyDictionary<string, string>)raw!).GetValueOrDefault(TagKey));
            if (raw is IValue { IsKnown: false } unknown) return Truth.Unknown(AttributePath, unknown.Expression);
            var value = Plain(raw);
            if (value is List<object?> list && Operator is not (Operator.Exists or Operator.NotExists))
            {
                // An element that is unresolved matters only when no known element decides the answer.
                var unresolved = list.OfType<IValue>().FirstOrDefault(v => !v.IsKnown);
                var known = list.Where(v => v is not IValue { IsKnown: false }).Select(Plain).ToList();
                var t = Judge(known);
                return t.Holds == true || unresolved is null ? t : Truth.Unknown(AttributePath, unresolved.Expression);
            }
            return Judge(value);
        }

        private Truth Judge(object? value) => Operator switch
        {
            Operator.Exists => Truth.Of(IsPresent(value)),
            Operator.NotExists => Truth.Of(!IsPresent(value)),
            Operator.Equals => Truth.Of(value is not null && Same(value, Operands[0])),
            Operator.NotEquals => Truth.Of(value is null || !Same(value, Operands[0])),
            Operator.In => Truth.Of(value is not null && Operands.Any(o => Same(value, o))),
            Operator.NotIn => Truth.Of(value is null || !Operands.Any(o => Same(value, o))),
            Operator.Contains => Truth.Of(value switch
            {
                string s => s.Contains((string)Operands[0], StringComparison.Ordinal),
                List<object?> items => items.Any(i => i is not null && Same(i, Operands[0])),
                _ => false,
            }),
            Operator.Matches => Truth.Of(value is string s && Pattern!.IsMatch(s)),
            Operator.LessThan => Truth.Of(value is double d && d < (double)Operands[0]),
            Operator.GreaterThan => Truth.Of(value is double d && d > (double)Operands[0]),
            _ => throw new InvalidOperationException($"operator {Operator} is not judged"),
        };

        private static bool IsPresent(object? value) => value switch
        {
            null => false,
            string s => s.Length > 0,
            List<object?> list => list.Count > 0,
            _ => true,
        };

        private static bool Same(object value, object operand) => value switch
        {
            double d => operand is double o && d == o,
            bool b => operand is bool o && b == o,
            _ => string.Equals(Convert.ToString(value, CultureInfo.InvariantCulture), operand as string, StringComparison.Ordinal),
        };

        /// <summary>A model value as the operators compare it: numbers as double, enums as their names, lists as lists.</summary>
        private static object? Plain(object? raw)
        {
            if (raw is IValue v) raw = v.GetType().GetProperty(nameof(Value<int>.Known))!.GetValue(v);
            return raw switch
            {
                null => null,
                string or bool => raw,
                int i => (double)i,
                long l => (double)l,
                double d => d,
                decimal m => (double)m,
                Enum e => e.ToString(),
                System.Collections.IEnumerable items => items.Cast<object?>().ToList(),
                _ => raw,
            };
        }
    }
}

/// <summary>The operators of a condition leaf, as written in YAML (snake case).</summary>
public enum Operator
{
    Equals,
    NotEquals,
    Exists,
    NotExists,
    In,
    NotIn,
    Contains,
    Matches,
    LessThan,
    GreaterThan,
}

public static class Operators
{
    public static readonly IReadOnlyDictionary<string, Operator> ByName = new Dictionary<string, Operator>(StringComparer.Ordinal)
    {
        ["equals"] = Operator.Equals, ["not_equals"] = Operator.NotEquals, ["exists"] = Operator.Exists, ["not_exists"] = Operator.NotExists,
        ["in"] = Operator.In, ["not_in"] = Operator.NotIn, ["contains"] = Operator.Contains, ["matches"] = Operator.Matches,
        ["less_than"] = Operator.LessThan, ["greater_than"] = Operator.GreaterThan,
    };

    /// <summary>Which attribute kinds an operator applies to.</summary>
    public static bool AppliesTo(Operator op, AttributeKind kind) => op switch
    {
        Operator.Exists or Operator.NotExists => true,
        Operator.Equals or Operator.NotEquals or Operator.In or Operator.NotIn => kind is AttributeKind.Bool or AttributeKind.Number or AttributeKind.String,
        Operator.Contains => kind is AttributeKind.String or AttributeKind.StringList,
        Operator.Matches => kind == AttributeKind.String,
        Operator.LessThan or Operator.GreaterThan => kind == AttributeKind.Number,
        _ => false,
    };
}
