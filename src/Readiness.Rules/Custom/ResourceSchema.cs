using System.Reflection;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Custom;

/// <summary>What a condition can do with an attribute, from the type of its model property.</summary>
public enum AttributeKind
{
    Bool,
    Number,
    String,
    StringList,
    Tags,

    /// <summary>A nested record, a list of records or a timestamp: listed, usable with exists / not_exists only.</summary>
    Other,
}

/// <summary>One attribute of a record kind: the model property's name, what it holds, and its property.</summary>
public sealed record ResourceAttribute(string Name, AttributeKind Kind, string TypeName, PropertyInfo Property);

/// <summary>One record kind of the cloud model (the class name, as in the AWS inventory file) with its attributes.</summary>
public sealed record ResourceKind(string Name, Type Type, IReadOnlyList<ResourceAttribute> Attributes, IReadOnlyList<string> Aliases)
{
    public ResourceAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}

/// <summary>
/// The cloud model as custom resource rules see it: every <see cref="CloudResource"/> record found by reflection, its
/// public properties as attributes, and the Terraform and CloudFormation type names the sources map to it as aliases
/// (given by the caller, which owns the mappings). `readiness rules schema` prints it; the loader validates against it.
/// </summary>
public sealed class ResourceSchema
{
    // Identity and plumbing of every record, not facts a policy judges.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Provenance", "Definition", "EqualityContract" };

    private readonly Dictionary<string, ResourceKind> byName = new(StringComparer.Ordinal);

    /// <param name="aliases">IaC type name to record type (aws_db_instance to DbInstance), from the source mappings.</param>
    public ResourceSchema(IReadOnlyDictionary<string, Type> aliases)
    {
        var recordTypes = typeof(CloudResource).Assembly.GetTypes()
            .Where(t => typeof(CloudResource).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        Kinds = recordTypes.Select(t => new ResourceKind(t.Name, t, AttributesOf(t),
            aliases.Where(a => a.Value == t).Select(a => a.Key).Order(StringComparer.Ordinal).ToList())).ToList();
        foreach (var kind in Kinds)
        {
            byName[kind.Name] = kind;
            foreach (var alias in kind.Aliases) byName[alias] = kind;
        }
    }

    public IReadOnlyList<ResourceKind> Kinds { get; }

    /// <summary>The kind a name refers to: a record name (DbInstance) or a Terraform/CloudFormation alias (aws_db_instance).</summary>
    public ResourceKind? Find(string name) => byName.GetValueOrDefault(name);

    private static List<ResourceAttribute> AttributesOf(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => !Hidden.Contains(p.Name) && p.GetIndexParameters().Length == 0)
        .OrderBy(p => p.Name == "Id" ? 0 : p.Name == "Tags" ? 1 : 2).ThenBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => { var (kind, name) = Classify(p.PropertyType); return new ResourceAttribute(p.Name, kind, name, p); })
        .ToList();

    private static (AttributeKind, string) Classify(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Value<>)) return Classify(type.GetGenericArguments()[0]);
        if (type == typeof(bool)) return (AttributeKind.Bool, "bool");
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal)) return (AttributeKind.Number, "number");
        if (type == typeof(string)) return (AttributeKind.String, "string");
        if (type.IsEnum) return (AttributeKind.String, "one of " + string.Join(", ", Enum.GetNames(type)));
        if (type == typeof(IReadOnlyDictionary<string, string>)) return (AttributeKind.Tags, "tags");
        if (ElementOf(type) is { } element)
        {
            var (inner, _) = Classify(element);
            if (inner == AttributeKind.String) return (AttributeKind.StringList, "string list");
            return (AttributeKind.Other, $"list of {Readable(element)}");
        }
        return (AttributeKind.Other, Readable(type));
    }

    internal static Type? ElementOf(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(IReadOnlyList<>) || d == typeof(List<>) || d == typeof(IEnumerable<>) || d == typeof(IReadOnlyCollection<>))
            ? type.GetGenericArguments()[0] : null;

    private static string Readable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Value<>)) return Readable(type.GetGenericArguments()[0]);
        return type == typeof(DateTimeOffset) ? "timestamp" : type.Name;
    }
}
