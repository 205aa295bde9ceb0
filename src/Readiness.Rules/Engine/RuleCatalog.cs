using System.Reflection;
using Readiness.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Readiness.Rules.Engine;

/// <summary>
/// Every rule shipped in this assembly, each with its metadata loaded from the YAML file beside its class
/// ("RDY1101.DjangoDebugEnabled.yaml" beside "RDY1101.DjangoDebugEnabled.cs"). A rule without metadata, or metadata
/// that disagrees with its class, is a build-time bug: loading throws and the catalog test fails.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, Rule> byId;

    private RuleCatalog(IEnumerable<Rule> rules)
    {
        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static RuleCatalog Default { get; } = Load(typeof(RuleCatalog).Assembly);

    public IReadOnlyList<Rule> Rules { get; }

    public Rule? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>This catalog plus a ruleset's custom rules (the ruleset loader has checked that their ids are new).</summary>
    public RuleCatalog With(IEnumerable<Rule> extra) => new(Rules.Concat(extra));

    public static RuleCatalog Load(Assembly assembly)
    {
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rule:", StringComparison.Ordinal))
            .ToDictionary(n => n["rule:".Length..^".yaml".Length], StringComparer.Ordinal);

        var rules = new List<Rule>();
        // Custom rules (Readiness.Rules.Custom) are built from a ruleset's data by its loader, not shipped with metadata files.
        foreach (var type in assembly.GetTypes().Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace != typeof(Custom.CustomResourceRule).Namespace))
        {
            var match = resources.Keys.Where(k => k.EndsWith("." + type.Name, StringComparison.Ordinal)).ToList();
            if (match.Count != 1)
                throw new InvalidOperationException($"Rule class {type.Name} needs exactly one metadata file named 'ID.{type.Name}.yaml' beside it; found {match.Count}.");
            var fileStem = match[0];
            using var stream = assembly.GetManifestResourceStream(resources[fileStem])!;
            using var reader = new StreamReader(stream);
            var metadata = ParseMetadata(reader.ReadToEnd(), fileStem + ".yaml");
            if (metadata.Name != type.Name || fileStem != $"{metadata.Id}.{metadata.Name}")
                throw new InvalidOperationException($"{fileStem}.yaml declares id {metadata.Id} and name {metadata.Name}, which disagree with class {type.Name} or the file name.");
            var rule = (Rule)Activator.CreateInstance(type)!;
            rule.Metadata = metadata;
            rules.Add(rule);
        }

        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Rule id {duplicate.Key} is used by more than one rule.");
        return new RuleCatalog(rules);
    }

    /// <summary>Parses one metadata file strictly: unknown keys and missing required keys are errors.</summary>
    public static RuleMetadata ParseMetadata(string yaml, string fileName)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var known = new HashSet<string> { "id", "name", "title", "severity", "tags", "rationale", "remediation", "references", "parameters", "help_uri" };
        foreach (var key in root.Children.Keys)
        {
            if (!known.Contains(key.ToString()))
                throw new FormatException($"{fileName}:{key.Start.Line}: unknown key '{key}'.");
        }

        string Required(string key) => root.Children.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } v }
            ? v.Trim()
            : throw new FormatException($"{fileName}: required key '{key}' is missing or empty.");

        var severityText = Required("severity");
        if (!SeverityNames.TryParse(severityText, out var severity))
            throw new FormatException($"{fileName}: severity '{severityText}' is not one of critical, high, medium, low, info.");

        var references = new List<RuleReference>();
        if (root.Children.TryGetValue("references", out var refsNode))
        {
            foreach (var item in ((YamlSequenceNode)refsNode).Children.Cast<YamlMappingNode>())
            {
                var (kindNode, idNode) = item.Children.First();
                var kind = kindNode.ToString();
                if (!RuleReference.Kinds.Contains(kind))
                    throw new FormatException($"{fileName}:{kindNode.Start.Line}: unknown reference kind '{kind}'.");
                var id = idNode.ToString();
                references.Add(new RuleReference(kind, id, kind == "url" ? id : ReferenceUrl(kind, id)));
            }
        }

        var tags = root.Children.TryGetValue("tags", out var tagsNode)
            ? ((YamlSequenceNode)tagsNode).Children.Select(t => t.ToString()).ToList()
            : [];

        var parameters = new Dictionary<string, RuleParameter>(StringComparer.Ordinal);
        if (root.Children.TryGetValue("parameters", out var paramsNode))
        {
            foreach (var (nameNode, specNode) in ((YamlMappingNode)paramsNode).Children)
            {
                var spec = (YamlMappingNode)specNode;
                var typeText = spec.Children[new YamlScalarNode("type")].ToString();
                var type = typeText switch
                {
                    "int" => ParameterType.Int,
                    "string" => ParameterType.String,
                    "bool" => ParameterType.Bool,
                    "string_list" => ParameterType.StringList,
                    _ => throw new FormatException($"{fileName}:{specNode.Start.Line}: parameter type '{typeText}' is not int, string, bool or string_list."),
                };
                var defaultNode = spec.Children[new YamlScalarNode("default")];
                var value = ParameterValues.Convert(type, defaultNode)
                    ?? throw new FormatException($"{fileName}:{defaultNode.Start.Line}: default of '{nameNode}' is not a {typeText}.");
                var description = spec.Children.TryGetValue(new YamlScalarNode("description"), out var d) ? d.ToString() : "";
                parameters[nameNode.ToString()] = new RuleParameter(type, value, description);
            }
        }

        var helpUri = root.Children.TryGetValue("help_uri", out var help) ? help.ToString() : null;
        return new RuleMetadata
        {
            Id = Required("id"),
            Name = Required("name"),
            Title = Required("title"),
            Severity = severity,
            Rationale = Required("rationale"),
            Remediation = Required("remediation"),
            References = references,
            Tags = tags,
            Parameters = parameters,
            HelpUri = helpUri ?? references.FirstOrDefault(r => r.Kind == "url")?.Url ?? references.FirstOrDefault(r => r.Url is not null)?.Url,
        };
    }

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
