using System.Reflection;
using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Languages.Yaml;
using Readiness.Runner.Custom;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Configuration;

/// <summary>
/// Loads rulesets: YAML files that select rules by id, id glob or tag, override severities, set parameters and may
/// extend another ruleset. Every mistake is a <see cref="ConfigurationError"/> naming the file and line: an unknown
/// rule id, tag or parameter, a wrong type or a YAML syntax error never silently turns into a smaller scan.
/// </summary>
public sealed class RulesetLoader(RuleCatalog catalog)
{
    public const string DefaultName = "launch-readiness";
    public const string ProjectRulesetPath = ".readiness/ruleset.yaml";

    /// <summary>Top-level sections that features read themselves (see <see cref="Ruleset.Sections"/>).</summary>
    public static readonly IReadOnlySet<string> FeatureSections = new HashSet<string>(StringComparer.Ordinal) { "targets", "policy", "aws", "paths", "containers" };

    private static readonly HashSet<string> SelectionKeys = new(StringComparer.Ordinal)
    {
        "name", "description", "extends", "include", "exclude", "severity", "parameters", "http", "custom",
    };

    /// <summary>
    /// Judge every custom secret detector's samples while loading (a misjudged sample is a configuration error).
    /// `readiness rules test` turns it off to report each sample itself.
    /// </summary>
    public bool CheckSamples { get; init; } = true;

    // The custom rules declared so far by the rulesets of this load (parents first), and the catalog with them.
    private readonly List<CustomRuleDeclaration> declared = [];
    private RuleCatalog? withCustom;

    private RuleCatalog Current => withCustom ?? catalog;

    /// <summary>The rule behind `http: { min_grade: B }` (the grade gate); the key sets its min_grade parameter.</summary>
    private const string GradeGateRule = "RDY3028";

    private static readonly Assembly ResourceAssembly = typeof(RulesetLoader).Assembly;

    public static IReadOnlyList<string> BuiltinNames() =>
        ResourceAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ruleset:", StringComparison.Ordinal))
            .Select(n => n["ruleset:".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Resolves what the user asked for: a file path, a built-in name, or (when null) the project's
    /// .readiness/ruleset.yaml under <paramref name="scanRoot"/> if present, else the default.
    /// </summary>
    public Ruleset Load(string? reference, string scanRoot)
    {
        if (reference is null)
        {
            var project = Path.Combine(scanRoot, ProjectRulesetPath);
            reference = File.Exists(project) ? project : DefaultName;
        }
        declared.Clear();
        withCustom = null;
        var ruleset = Resolve(Load(reference, Directory.GetCurrentDirectory(), []));
        if (CheckSamples) CheckSecretSamples(ruleset);
        return ruleset;
    }

    /// <summary>Every active custom detector against its samples, alone and with the scan's other detectors: a misjudged sample names its line.</summary>
    private static void CheckSecretSamples(Ruleset ruleset)
    {
        var active = ruleset.Rules.Select(r => r.Rule).OfType<Readiness.Rules.Custom.CustomSecretRule>().ToList();
        if (active.Count == 0) return;
        var set = new Readiness.Rules.Secrets.DetectorSet(active.Select(r => r.Detector).ToList());
        foreach (var declaration in ruleset.Custom.Where(d => active.Contains(d.Rule)))
        {
            var failed = ((Readiness.Rules.Custom.CustomSecretRule)declaration.Rule).CheckSamples(set).FirstOrDefault(r => !r.Passed);
            if (failed is null) continue;
            var lines = failed.IsTrueSample ? declaration.TrueSampleLines : declaration.FalseSampleLines;
            throw new ConfigurationError(declaration.File, lines[failed.Index],
                $"{declaration.Rule.Id}: {failed.Problem}; fix the regex, the keywords or the sample ('readiness rules test' judges every sample).");
        }
    }

    private sealed class Layer
    {
        public required string Name;
        public required string Source;
        public Layer? Parent;
        public readonly List<(string Pattern, int Line)> Include = [];
        public readonly List<(string Pattern, int Line)> Exclude = [];
        public readonly Dictionary<string, (Severity Severity, int Line)> Severity = new(StringComparer.Ordinal);
        public readonly Dictionary<string, Dictionary<string, (YamlNode Node, int Line)>> Parameters = new(StringComparer.Ordinal);
        public readonly Dictionary<string, RulesetSection> Sections = new(StringComparer.Ordinal);
        public IReadOnlyList<CustomRuleDeclaration> Custom = [];
        public IReadOnlyList<string> Fixtures = [];
    }

    private Layer Load(string reference, string relativeTo, List<string> chain)
    {
        var (source, text, baseDir) = Read(reference, relativeTo, chain.LastOrDefault());
        if (chain.Contains(source))
            throw new ConfigurationError(source, 0, $"ruleset extends itself through {string.Join(" -> ", chain.Append(source))}.");
        chain = [.. chain, source];

        YamlMappingNode root;
        try
        {
            var stream = SafeYaml.Load(text);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
                throw new ConfigurationError(source, 1, "a ruleset must be a YAML mapping with at least 'name' and 'include' or 'extends'.");
            root = mapping;
        }
        catch (YamlException ex)
        {
            throw new ConfigurationError(source, (int)ex.Start.Line, "YAML syntax error: " + YamlErrors.Describe(ex));
        }

        var layer = new Layer { Name = Scalar(root, "name", source) ?? Path.GetFileNameWithoutExtension(source), Source = source };
        // The parent first, then this ruleset's custom rules: the rest of the file may name any of them.
        if (root.Children.TryGetValue(new YamlScalarNode("extends"), out var extends))
            layer.Parent = Load(ScalarValue(extends, source, "extends"), baseDir, chain);
        if (root.Children.TryGetValue(new YamlScalarNode("custom"), out var custom))
        {
            var section = new CustomRulesReader(CloudModelSchema.Instance, source, baseDir)
                .Read(custom, id => catalog.Find(id) is not null || declared.Any(d => string.Equals(d.Rule.Id, id, StringComparison.OrdinalIgnoreCase)));
            layer.Custom = section.Rules;
            layer.Fixtures = section.Fixtures;
            declared.AddRange(section.Rules);
            withCustom = catalog.With(declared.Select(d => d.Rule));
        }
        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode.ToString();
            var line = Line(keyNode);
            if (FeatureSections.Contains(key))
            {
                layer.Sections[key] = new RulesetSection(source, value);
                continue;
            }
            if (!SelectionKeys.Contains(key))
                throw new ConfigurationError(source, line, $"unknown key '{key}'; expected one of {string.Join(", ", SelectionKeys.Concat(FeatureSections).Order())}.");
            switch (key)
            {
                case "extends" or "custom":
                    break;
                case "include":
                    layer.Include.AddRange(Patterns(value, source, key));
                    break;
                case "exclude":
                    layer.Exclude.AddRange(Patterns(value, source, key));
                    break;
                case "severity":
                    foreach (var (idNode, sevNode) in Mapping(value, source, key).Children)
                    {
                        var id = RuleIdAt(idNode, source);
                        var text2 = ScalarValue(sevNode, source, $"severity of {id}");
                        if (!SeverityNames.TryParse(text2, out var severity))
                            throw new ConfigurationError(source, Line(sevNode), $"severity '{text2}' for {id} is not one of critical, high, medium, low, info.");
                        layer.Severity[id] = (severity, Line(sevNode));
                    }
                    break;
                case "http":
                    foreach (var (nameNode, valueNode) in Mapping(value, source, key).Children)
                    {
                        if (nameNode.ToString() != "min_grade")
                            throw new ConfigurationError(source, Line(nameNode), $"unknown key '{nameNode}' under 'http'; expected 'min_grade'.");
                        var grade = ScalarValue(valueNode, source, "http.min_grade");
                        if (grade != "none" && Readiness.Rules.Catalog.Http.HttpScoring.Rank(grade) < 0)
                            throw new ConfigurationError(source, Line(valueNode), $"http.min_grade '{grade}' is not a grade: use one of {string.Join(", ", Readiness.Rules.Catalog.Http.HttpScoring.Letters.Select(l => l.Letter))}, or none.");
                        var gate = layer.Parameters.TryGetValue(GradeGateRule, out var existing) ? existing : layer.Parameters[GradeGateRule] = new(StringComparer.Ordinal);
                        gate["min_grade"] = (valueNode, Line(nameNode));
                    }
                    break;
                case "parameters":
                    foreach (var (idNode, paramsNode) in Mapping(value, source, key).Children)
                    {
                        var id = RuleIdAt(idNode, source);
                        var values = layer.Parameters[id] = new Dictionary<string, (YamlNode, int)>(StringComparer.Ordinal);
                        foreach (var (nameNode, valueNode) in Mapping(paramsNode, source, $"parameters of {id}").Children)
                            values[nameNode.ToString()] = (valueNode, Line(nameNode));
                    }
                    break;
            }
        }
        if (layer.Parent is null && layer.Include.Count == 0 && layer.Custom.Count == 0)
            throw new ConfigurationError(source, 1, "the ruleset selects no rules: add 'include' (ids, id globs like RDY11*, or tag:NAME) or 'extends'.");
        return layer;
    }

    private Ruleset Resolve(Layer top)
    {
        var layers = new List<Layer>();
        for (var l = top; l is not null; l = l.Parent) layers.Insert(0, l);

        var selected = new HashSet<string>(StringComparer.Ordinal);
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
        var sections = new Dictionary<string, RulesetSection>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            // A ruleset's own rules are selected by declaring them; its exclude (or a child's) can still leave them out.
            selected.UnionWith(layer.Custom.Select(d => d.Rule.Id));
            foreach (var (pattern, line) in layer.Include) selected.UnionWith(Match(pattern, layer.Source, line));
            foreach (var (pattern, line) in layer.Exclude) selected.ExceptWith(Match(pattern, layer.Source, line));
            foreach (var (id, (severity, _)) in layer.Severity) severities[id] = severity;
            foreach (var (id, values) in layer.Parameters)
            {
                var rule = Current.Find(id)!;
                var target = parameters.TryGetValue(id, out var existing) ? existing : parameters[id] = new(StringComparer.Ordinal);
                foreach (var (name, (node, line)) in values)
                {
                    if (!rule.Metadata.Parameters.TryGetValue(name, out var declared))
                    {
                        var known = rule.Metadata.Parameters.Count == 0 ? "it has no parameters" : "known: " + string.Join(", ", rule.Metadata.Parameters.Keys);
                        throw new ConfigurationError(layer.Source, line, $"rule {id} has no parameter '{name}' ({known}).");
                    }
                    target[name] = ParameterValues.Convert(declared.Type, node)
                        ?? throw new ConfigurationError(layer.Source, Line(node), $"parameter '{name}' of {id} must be {TypeName(declared.Type)}.");
                }
            }
            foreach (var (name, section) in layer.Sections) sections[name] = section;
        }

        var active = Current.Rules
            .Where(r => selected.Contains(r.Id))
            .Select(r => new ActiveRule(r, severities.GetValueOrDefault(r.Id, r.Metadata.Severity),
                parameters.TryGetValue(r.Id, out var p) ? p : new Dictionary<string, object>()))
            .ToList();
        return new Ruleset
        {
            Name = top.Name,
            Source = top.Source,
            Rules = active,
            Sections = sections,
            Catalog = Current,
            Custom = layers.SelectMany(l => l.Custom).ToList(),
            Fixtures = layers.SelectMany(l => l.Fixtures).ToList(),
        };
    }

    private IEnumerable<string> Match(string pattern, string source, int line)
    {
        List<string> ids;
        if (pattern == "*") ids = Current.Rules.Select(r => r.Id).ToList();
        else if (pattern.StartsWith("tag:", StringComparison.Ordinal))
        {
            var tag = pattern[4..];
            ids = Current.Rules.Where(r => r.Metadata.Tags.Contains(tag)).Select(r => r.Id).ToList();
            if (ids.Count == 0) throw new ConfigurationError(source, line, $"no rule has the tag '{tag}'.");
        }
        else if (pattern.Contains('*') || pattern.Contains('?'))
        {
            var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$");
            ids = Current.Rules.Where(r => regex.IsMatch(r.Id)).Select(r => r.Id).ToList();
            if (ids.Count == 0) throw new ConfigurationError(source, line, $"no rule id matches '{pattern}'.");
        }
        else
        {
            if (Current.Find(pattern) is null) throw new ConfigurationError(source, line, $"unknown rule id '{pattern}'; run 'readiness rules' to list them.");
            ids = [pattern];
        }
        return ids;
    }

    private string RuleIdAt(YamlNode node, string source)
    {
        var id = node.ToString();
        if (Current.Find(id) is null) throw new ConfigurationError(source, Line(node), $"unknown rule id '{id}'; run 'readiness rules' to list them.");
        return id;
    }

    private static (string Source, string Text, string BaseDir) Read(string reference, string relativeTo, string? from)
    {
        var path = Path.IsPathRooted(reference) ? reference : Path.Combine(relativeTo, reference);
        if (File.Exists(path))
        {
            var full = Path.GetFullPath(path);
            try
            {
                return (full, File.ReadAllText(full), Path.GetDirectoryName(full)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationError(full, 0, "cannot read the ruleset: " + ex.Message);
            }
        }
        using var stream = ResourceAssembly.GetManifestResourceStream($"ruleset:{reference}.yaml");
        if (stream is null)
        {
            var where = from is null ? "--ruleset" : from;
            throw new ConfigurationError(where, 0, $"ruleset '{reference}' is neither a file nor a built-in ruleset (built-in: {string.Join(", ", BuiltinNames())}).");
        }
        using var reader = new StreamReader(stream);
        return ($"builtin:{reference}", reader.ReadToEnd(), relativeTo);
    }

    private static List<(string, int)> Patterns(YamlNode node, string source, string key)
    {
        switch (node)
        {
            case YamlSequenceNode seq:
                // A loop, not Select into tuples, whose iterator the precompiled image lacks (issue 20).
                var patterns = new List<(string, int)>(seq.Children.Count);
                foreach (var child in seq.Children) patterns.Add((ScalarValue(child, source, key), Line(child)));
                return patterns;
            case YamlScalarNode s:
                return [(ScalarValue(s, source, key), Line(s))];
            default:
                throw new ConfigurationError(source, Line(node), $"'{key}' must be a list of rule ids, id globs or tag:NAME.");
        }
    }

    private static YamlMappingNode Mapping(YamlNode node, string source, string what) =>
        node as YamlMappingNode ?? throw new ConfigurationError(source, Line(node), $"{what} must be a mapping.");

    private static string ScalarValue(YamlNode node, string source, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw new ConfigurationError(source, Line(node), $"{what} must be a non-empty text value.");

    private static string? Scalar(YamlMappingNode root, string key, string source) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ScalarValue(node, source, key) : null;

    public static int Line(YamlNode node) => (int)node.Start.Line;

    private static string TypeName(ParameterType type) => type switch
    {
        ParameterType.Int => "a whole number",
        ParameterType.Bool => "true or false",
        ParameterType.String => "a text value",
        _ => "a list of text values",
    };
}
