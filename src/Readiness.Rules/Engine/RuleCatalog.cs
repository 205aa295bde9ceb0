using Readiness.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Readiness.Rules.Engine;

/// <summary>
/// Every rule shipped in this assembly, each with its metadata from the YAML file beside its class
/// ("RDY1101.DjangoDebugEnabled.yaml" beside "RDY1101.DjangoDebugEnabled.cs"). Readiness.Rules.Generator turns those
/// files into C# at build time (a call to <see cref="Describe"/> each), so start-up parses no YAML; a malformed file or
/// one without its class fails the build, and metadata that disagrees with its class fails here and in the catalog test.
/// </summary>
public sealed partial class RuleCatalog
{
    private readonly Dictionary<string, Rule> byId;

    private RuleCatalog(IEnumerable<Rule> rules)
    {
        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        byId = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (!byId.TryAdd(rule.Id, rule)) throw new InvalidOperationException($"Rule id {rule.Id} is used by more than one rule.");
        }
    }

    public static RuleCatalog Default { get; } = new(Shipped());

    public IReadOnlyList<Rule> Rules { get; }

    public Rule? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>This catalog plus a ruleset's custom rules (the ruleset loader has checked that their ids are new).</summary>
    public RuleCatalog With(IEnumerable<Rule> extra) => new(Rules.Concat(extra));

    /// <summary>The shipped rules, written by Readiness.Rules.Generator from the metadata files.</summary>
    private static partial IReadOnlyList<Rule> Shipped();

    /// <summary>
    /// Gives a shipped rule its metadata, as its file (<paramref name="file"/>) states it, and checks what the values mean:
    /// the file and class names agree with id and name, the severity and reference kinds are known, each parameter's
    /// default fits its type. References and parameters carry the line they were on, for these messages. Arrays of
    /// classes, not lists of tuples: generic code over those would be compiled at run time, in every scan.
    /// </summary>
    internal static Rule Describe(Rule rule, string file, string id, string name, string title, string severity, string rationale, string remediation,
        ReferenceText[] references, string[] tags, ParameterText[] parameters, string? helpUri)
    {
        if (name != rule.GetType().Name || file != $"{id}.{name}.yaml")
            throw new InvalidOperationException($"{file} declares id {id} and name {name}, which disagree with class {rule.GetType().Name} or the file name.");
        if (!SeverityNames.TryParse(severity, out var level))
            throw new FormatException($"{file}: severity '{severity}' is not one of critical, high, medium, low, info.");

        var refs = new List<RuleReference>(references.Length);
        foreach (var (kind, refId, line) in references)
        {
            if (!RuleReference.Kinds.Contains(kind)) throw new FormatException($"{file}:{line}: unknown reference kind '{kind}'.");
            refs.Add(new RuleReference(kind, refId, kind == "url" ? refId : ReferenceUrl(kind, refId)));
        }

        var declared = new Dictionary<string, RuleParameter>(StringComparer.Ordinal);
        foreach (var (parameter, typeText, defaultText, description, line) in parameters)
        {
            var type = typeText switch
            {
                "int" => ParameterType.Int,
                "string" => ParameterType.String,
                "bool" => ParameterType.Bool,
                "string_list" => ParameterType.StringList,
                _ => throw new FormatException($"{file}:{line}: parameter type '{typeText}' is not int, string, bool or string_list."),
            };
            YamlNode node = defaultText is string[] items ? new YamlSequenceNode(items.Select(i => new YamlScalarNode(i))) : new YamlScalarNode((string)defaultText);
            var value = ParameterValues.Convert(type, node) ?? throw new FormatException($"{file}:{line}: default of '{parameter}' is not a {typeText}.");
            declared[parameter] = new RuleParameter(type, value, description);
        }

        rule.Metadata = new RuleMetadata
        {
            Id = id,
            Name = name,
            Title = title,
            Severity = level,
            Rationale = rationale,
            Remediation = remediation,
            References = refs,
            Tags = tags,
            Parameters = declared,
            HelpUri = helpUri ?? refs.FirstOrDefault(r => r.Kind == "url")?.Url ?? refs.FirstOrDefault(r => r.Url is not null)?.Url,
        };
        return rule;
    }

    /// <summary>A reference as a metadata file states it ("cwe: CWE-489" on line 21).</summary>
    internal sealed record ReferenceText(string Kind, string Id, int Line);

    /// <summary>A declared parameter as a metadata file states it: its default is the text of a value, or a list of them.</summary>
    internal sealed record ParameterText(string Name, string Type, object Default, string Description, int Line);

    /// <summary>The documentation address of a reference kind and id, when one is known.</summary>
    public static string? ReferenceUrl(string kind, string id) => kind switch
    {
        "cwe" when id.StartsWith("CWE-", StringComparison.Ordinal) => $"https://cwe.mitre.org/data/definitions/{id[4..]}.html",
        "securityhub" => $"https://docs.aws.amazon.com/securityhub/latest/userguide/{ServiceOf(id)}-controls.html",
        "django" => "https://docs.djangoproject.com/en/stable/ref/checks/#security",
        _ => null,
    };

    private static string ServiceOf(string control) => control.Split('.')[0].ToLowerInvariant() switch
    {
        "secretsmanager" => "secretsmanager",
        var s => s,
    };
}

/// <summary>Converts YAML scalars and sequences to parameter values of a declared type; null when the node does not fit.</summary>
public static class ParameterValues
{
    public static object? Convert(ParameterType type, YamlNode node) => type switch
    {
        ParameterType.Int when node is YamlScalarNode s && int.TryParse(s.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
        ParameterType.Bool when node is YamlScalarNode s && bool.TryParse(s.Value, out var b) => b,
        ParameterType.String when node is YamlScalarNode { Value: not null } s => s.Value,
        ParameterType.StringList when node is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode) =>
            (IReadOnlyList<string>)seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList(),
        _ => null,
    };
}
