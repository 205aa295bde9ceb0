using System.Globalization;
using System.Text.RegularExpressions;
using Readiness.Rules.Custom;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Runner.Cli;
using Readiness.Runner.Configuration;
using Readiness.Runner.Suppressions;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Custom;

/// <summary>A custom rule as declared: the rule, and where it and its samples are written (for errors and `rules test`).</summary>
public sealed record CustomRuleDeclaration(Rule Rule, string File, int Line)
{
    public IReadOnlyList<int> TrueSampleLines { get; init; } = [];
    public IReadOnlyList<int> FalseSampleLines { get; init; } = [];
}

/// <summary>What one ruleset's <c>custom:</c> section declares: its rules and the fixture files or folders that test them.</summary>
public sealed record CustomSection(IReadOnlyList<CustomRuleDeclaration> Rules, IReadOnlyList<string> Fixtures);

/// <summary>
/// Reads a ruleset's <c>custom:</c> section into ordinary rules, strictly: unknown fields, wrong types, invalid regexes,
/// duplicate ids, ids in the RDY namespace, unknown resource types and attributes (checked against the model's schema)
/// are <see cref="ConfigurationError"/>s naming the file and line. docs/custom-rules.md describes every field.
/// </summary>
public sealed partial class CustomRulesReader(ResourceSchema schema, string source, string baseDir)
{
    private static readonly string[] SectionKeys = ["prefix", "secrets", "resources", "files", "http", "fixtures"];
    private static readonly string[] CommonKeys = ["id", "title", "severity", "message", "rationale", "remediation", "references", "checklist", "tags", "help_uri"];
    private static readonly string[] SecretKeys = [.. CommonKeys, "regex", "keywords", "entropy", "allowlist", "true_samples", "false_samples"];
    private static readonly string[] ResourceKeys = [.. CommonKeys, "types", "condition"];
    private static readonly string[] FileKeys = [.. CommonKeys, "paths", "production_only", "regex", "forbidden_key"];
    private static readonly string[] HttpKeys = [.. CommonKeys, "require_header", "forbid_header", "matches"];

    /// <summary>The record kinds whose tags the live collectors read (RDS, EC2, IAM, Secrets Manager, S3); others' live tags are unknown.</summary>
    public static readonly IReadOnlySet<Type> LiveTagsRead = new HashSet<Type>
    {
        typeof(Readiness.Rules.Model.Cloud.DbInstance), typeof(Readiness.Rules.Model.Cloud.S3Bucket), typeof(Readiness.Rules.Model.Cloud.SecurityGroup),
        typeof(Readiness.Rules.Model.Cloud.Vpc), typeof(Readiness.Rules.Model.Cloud.IamUser), typeof(Readiness.Rules.Model.Cloud.IamRole),
        typeof(Readiness.Rules.Model.Cloud.Secret),
    };

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$")]
    public static partial Regex IdPattern();

    /// <param name="taken">Ids already used (the catalog and the custom rules of the rulesets this one extends).</param>
    public CustomSection Read(YamlNode node, Func<string, bool> taken)
    {
        var section = Fields.Of(node, source, "custom", SectionKeys);
        var prefix = section.Text("prefix");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rules = new List<CustomRuleDeclaration>();

        void Each(string key, string[] keys, Func<Fields, CustomRuleDeclaration> read)
        {
            foreach (var item in section.Items(key))
            {
                var fields = Fields.Of(item, source, $"a custom {key} rule", keys);
                var declaration = read(fields);
                rules.Add(declaration);
            }
        }

        RuleMetadata Metadata(Fields f, string kind, string remediation, params string[] tags)
        {
            var id = f.RequiredText("id");
            var line = f.LineOf("id");
            if (id.StartsWith("RDY", StringComparison.OrdinalIgnoreCase))
                throw new ConfigurationError(source, line, $"custom rule id '{id}' starts with RDY, which is Readiness's own namespace; use your organisation's prefix (for example ACME-001).");
            if (!IdPattern().IsMatch(id) || id.Length > 40)
                throw new ConfigurationError(source, line, $"custom rule id '{id}' must be letters and digits in parts joined by '-', '_' or '.', at most 40 characters (for example ACME-001).");
            if (prefix is not null && !id.StartsWith(prefix, StringComparison.Ordinal))
                throw new ConfigurationError(source, line, $"custom rule id '{id}' does not start with the ruleset's prefix '{prefix}'.");
            if (!seen.Add(id) || taken(id))
                throw new ConfigurationError(source, line, $"rule id '{id}' is already used; give each custom rule its own id.");
            var title = f.RequiredText("title");
            var severityText = f.RequiredText("severity");
            if (!SeverityNames.TryParse(severityText, out var severity))
                throw new ConfigurationError(source, f.LineOf("severity"), $"severity '{severityText}' of {id} is not one of critical, high, medium, low, info.");
            var references = new List<RuleReference>();
            foreach (var reference in f.Items("references"))
            {
                if (reference is not YamlMappingNode { Children.Count: 1 } pair || pair.Children.First() is not (YamlScalarNode kindNode, YamlScalarNode { Value: { Length: > 0 } refId }))
                    throw new ConfigurationError(source, Line(reference), $"a reference of {id} must be one 'kind: id' pair, such as 'cwe: CWE-798' or 'url: https://...'.");
                var refKind = kindNode.Value ?? "";
                if (!RuleReference.Kinds.Contains(refKind))
                    throw new ConfigurationError(source, Line(kindNode), $"unknown reference kind '{refKind}' in {id}; expected one of {string.Join(", ", RuleReference.Kinds.Order())}.");
                references.Add(new RuleReference(refKind, refId, refKind == "url" ? refId : RuleCatalog.ReferenceUrl(refKind, refId)));
            }
            foreach (var (item, _) in f.Texts("checklist")) references.Add(new RuleReference("checklist", item));
            var helpUri = f.Text("help_uri");
            return new RuleMetadata
            {
                Id = id,
                Name = NameOf(title),
                Title = title,
                Severity = severity,
                Rationale = f.Text("rationale") ?? $"{title}: a {kind} rule of this organisation, declared in {Path.GetFileName(source)}.",
                Remediation = f.Text("remediation") ?? remediation,
                References = references,
                Tags = ["custom", .. tags, .. f.Texts("tags").Select(t => t.Text)],
                HelpUri = helpUri ?? references.FirstOrDefault(r => r.Url is not null)?.Url,
            };
        }

        Each("secrets", SecretKeys, f =>
        {
            var metadata = Metadata(f, "secret", "Revoke the credential where it was issued, remove it from the code and its history, and load it from a secret store or the environment at run time.", "code", "secrets");
            var regex = f.RequiredText("regex");
            var compiled = CompileRegex(f, "regex", RegexOptions.ExplicitCapture);
            if (!compiled.GetGroupNames().Contains("secret"))
                throw new ConfigurationError(source, f.LineOf("regex"), $"the regex of {metadata.Id} has no group named 'secret'; wrap the credential in (?<secret>...), which is what gets hashed and redacted.");
            var keywords = f.Texts("keywords").ToList();
            if (keywords.Count == 0)
                throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs 'keywords': words the secret's text always contains (its prefix), so the regex runs only near them.");
            foreach (var (keyword, line) in keywords.Where(k => k.Text.Length < 2))
                throw new ConfigurationError(source, line, $"keyword '{keyword}' of {metadata.Id} is shorter than 2 characters.");
            var trueSamples = f.Texts("true_samples").ToList();
            var falseSamples = f.Texts("false_samples").ToList();
            if (trueSamples.Count == 0 || falseSamples.Count == 0)
                throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs 'true_samples' (text it must find) and 'false_samples' (look-alikes it must not), at least one each.");
            var allowedValues = new List<Regex>();
            Func<string, bool>? skips = null;
            if (f.Node("allowlist") is { } allowNode)
            {
                var allow = Fields.Of(allowNode, source, $"the allowlist of {metadata.Id}", ["regexes", "paths"]);
                foreach (var (pattern, line) in allow.Texts("regexes")) allowedValues.Add(Compile(pattern, line, RegexOptions.None));
                var paths = allow.Texts("paths").Select(p => PathGlob(p.Text)).ToList();
                if (paths.Count > 0) skips = path => paths.Any(p => p.IsMatch(path));
            }
            var detector = new Detector(metadata.Id, metadata.Title, SecretKind.Custom, metadata.Severity, keywords.Select(k => k.Text.ToLowerInvariant()).Distinct().ToList(), regex)
            {
                MinEntropy = f.Number("entropy"),
                TrueSamples = trueSamples.Select(s => s.Text).ToList(),
                FalseSamples = falseSamples.Select(s => s.Text).ToList(),
                AllowedValues = allowedValues,
                SkipsPath = skips,
            };
            return new CustomRuleDeclaration(new CustomSecretRule(metadata, detector), source, f.LineOfRule)
            {
                TrueSampleLines = trueSamples.Select(s => s.Line).ToList(),
                FalseSampleLines = falseSamples.Select(s => s.Line).ToList(),
            };
        });

        Each("resources", ResourceKeys, f =>
        {
            var metadata = Metadata(f, "resource", "Change the resource so the rule's condition holds, in the Terraform or CloudFormation that defines it (and in the live account).", "iac", "aws");
            var kinds = new List<ResourceKind>();
            foreach (var (name, line) in f.Texts("types"))
            {
                var kind = schema.Find(name) ?? throw new ConfigurationError(source, line, $"unknown resource type '{name}' in {metadata.Id}{Suggest(name, schema.Kinds.SelectMany(k => k.Aliases.Prepend(k.Name)))}; 'readiness rules schema' lists the model's kinds and their Terraform and CloudFormation names.");
                if (!kinds.Contains(kind)) kinds.Add(kind);
            }
            if (kinds.Count == 0) throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs 'types': the resource kinds it judges (aws_db_instance, AWS::S3::Bucket or DbInstance).");
            var conditionNode = f.Node("condition") ?? throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs a 'condition': what must hold for every resource it judges.");
            var condition = ReadCondition(conditionNode, kinds, metadata.Id);
            var message = new MessageTemplate(f.Text("message") ?? "{kind} {name} does not meet " + metadata.Id + " (" + metadata.Title.TrimEnd('.') + "); change it so the rule's condition holds.");
            foreach (var placeholder in message.Placeholders.Where(p => !MessageTemplate.Fixed.Contains(p)))
            {
                var missing = kinds.FirstOrDefault(k => k.Attribute(placeholder) is null);
                if (missing is not null)
                    throw new ConfigurationError(source, f.LineOf("message"), $"the message of {metadata.Id} names {{{placeholder}}}, which is neither kind, name, id nor an attribute of {missing.Name}.");
            }
            return new CustomRuleDeclaration(new CustomResourceRule(metadata, kinds, condition, message, LiveTagsRead), source, f.LineOfRule);
        });

        Each("files", FileKeys, f =>
        {
            var metadata = Metadata(f, "file", "Change the file so the rule's pattern no longer matches before it ships.", "code", "files");
            var globs = f.Texts("paths").Select(p => PathGlob(p.Text)).ToList();
            if (globs.Count == 0) throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs 'paths': globs of the files it reads, such as \"**/production.tfvars\".");
            var pattern = f.Node("regex") is null ? null : CompileRegex(f, "regex", RegexOptions.Multiline);
            ForbiddenKey? forbidden = null;
            if (f.Node("forbidden_key") is { } keyNode)
            {
                var key = Fields.Of(keyNode, source, $"the forbidden_key of {metadata.Id}", ["path", "equals"]);
                forbidden = new ForbiddenKey(key.RequiredText("path"), key.Text("equals"));
            }
            if ((pattern is null) == (forbidden is null))
                throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs exactly one of 'regex' (text that must not appear) or 'forbidden_key' (a key that must not be set).");
            return new CustomRuleDeclaration(new CustomFileRule(metadata, path => globs.Any(g => g.IsMatch(path)), f.Bool("production_only") ?? false, pattern, forbidden, f.Text("message")), source, f.LineOfRule);
        });

        Each("http", HttpKeys, f =>
        {
            var metadata = Metadata(f, "HTTP", "Change the application or the proxy in front of it so every response meets the rule.", "http");
            var required = f.Text("require_header");
            var forbidden = f.Text("forbid_header");
            if ((required is null) == (forbidden is null))
                throw new ConfigurationError(source, f.LineOfRule, $"{metadata.Id} needs exactly one of 'require_header' or 'forbid_header'.");
            var pattern = f.Node("matches") is null ? null : CompileRegex(f, "matches", RegexOptions.None);
            if (pattern is not null && forbidden is not null)
                throw new ConfigurationError(source, f.LineOf("matches"), $"'matches' of {metadata.Id} goes with require_header (the value the header must have), not forbid_header.");
            var rule = new CustomHttpRule(metadata, (required ?? forbidden)!, required is not null ? HeaderRequirement.Required : HeaderRequirement.Forbidden, pattern);
            return new CustomRuleDeclaration(rule, source, f.LineOfRule);
        });

        var fixtures = section.Texts("fixtures").Select(p =>
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDir, p.Text)));
            if (!File.Exists(full) && !Directory.Exists(full)) throw new ConfigurationError(source, p.Line, $"fixture '{p.Text}' does not exist (paths are relative to the ruleset).");
            return full;
        }).ToList();
        return new CustomSection(rules, fixtures);
    }

    // ---------------------------------------------------------------- conditions

    private Condition ReadCondition(YamlNode node, IReadOnlyList<ResourceKind> kinds, string id)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
            throw new ConfigurationError(source, Line(node), $"a condition of {id} must be a mapping: all, any, not, has_tag, or attribute with one operator.");
        var keys = mapping.Children.Keys.Select(k => k.ToString()).ToList();
        var first = mapping.Children.First();
        if (keys[0] is "all" or "any" or "not" or "has_tag")
        {
            if (keys.Count > 1)
                throw new ConfigurationError(source, Line(mapping.Children.Keys.ElementAt(1)), $"'{keys[0]}' stands alone in its condition of {id}; put '{keys[1]}' in a condition of its own (inside all or any).");
            switch (keys[0])
            {
                case "all" or "any":
                    if (first.Value is not YamlSequenceNode { Children.Count: > 0 } list)
                        throw new ConfigurationError(source, Line(first.Value), $"'{keys[0]}' in {id} must be a list of conditions.");
                    var items = list.Children.Select(c => ReadCondition(c, kinds, id)).ToList();
                    return keys[0] == "all" ? new Condition.All(items) : new Condition.Any(items);
                case "not":
                    return new Condition.Not(ReadCondition(first.Value, kinds, id));
                default:
                    return new Condition.HasTag(ScalarText(first.Value, $"has_tag in {id}"));
            }
        }

        if (!mapping.Children.TryGetValue(new YamlScalarNode("attribute"), out var attributeNode))
        {
            var unknown = mapping.Children.Keys.FirstOrDefault(k => !Operators.ByName.ContainsKey(k.ToString())) ?? first.Key;
            throw new ConfigurationError(source, Line(unknown), $"unknown condition '{keys[0]}' in {id}; expected all, any, not, has_tag, or attribute with one of {string.Join(", ", Operators.ByName.Keys)}.");
        }
        var path = ScalarText(attributeNode, $"attribute in {id}");
        var operators = mapping.Children.Where(c => c.Key.ToString() != "attribute").ToList();
        foreach (var (key, _) in operators.Where(o => !Operators.ByName.ContainsKey(o.Key.ToString())))
            throw new ConfigurationError(source, Line(key), $"unknown operator '{key}' in {id}{Suggest(key.ToString(), Operators.ByName.Keys)}; expected one of {string.Join(", ", Operators.ByName.Keys)}.");
        if (operators.Count != 1)
            throw new ConfigurationError(source, Line(mapping), $"the condition on {path} in {id} needs exactly one operator ({string.Join(", ", Operators.ByName.Keys)}).");
        var (opNode, operandNode) = operators[0];
        var op = Operators.ByName[opNode.ToString()];

        // Tags.KEY reads one tag; anything else is a model property that every listed kind must have, with one meaning.
        string property = path;
        string? tagKey = null;
        AttributeKind kind;
        if (path.StartsWith("Tags.", StringComparison.Ordinal) && path.Length > 5)
        {
            property = "Tags";
            tagKey = path[5..];
            kind = AttributeKind.String;
        }
        else
        {
            var kindsOf = new HashSet<AttributeKind>();
            foreach (var resourceKind in kinds)
            {
                var attribute = resourceKind.Attribute(path) ?? throw new ConfigurationError(source, Line(attributeNode),
                    $"{resourceKind.Name} has no attribute '{path}' (in {id}){Suggest(path, resourceKind.Attributes.Select(a => a.Name))}; 'readiness rules schema' lists its attributes.");
                kindsOf.Add(attribute.Kind);
            }
            if (kindsOf.Count > 1)
                throw new ConfigurationError(source, Line(attributeNode), $"'{path}' means different things on the kinds of {id}; judge it in a rule per kind.");
            kind = kindsOf.Single();
        }
        if (kind == AttributeKind.Tags)
            throw new ConfigurationError(source, Line(attributeNode), $"compare one tag as Tags.KEY (Tags.Environment), or use has_tag, in {id}.");
        if (!Operators.AppliesTo(op, kind))
            throw new ConfigurationError(source, Line(opNode), $"'{opNode}' does not apply to {path}, which is {KindName(kind)} (in {id}).");

        var operands = new List<object>();
        Regex? pattern = null;
        switch (op)
        {
            case Operator.Exists or Operator.NotExists:
                if (operandNode is not YamlScalarNode { Value: "true" })
                    throw new ConfigurationError(source, Line(operandNode), $"write '{opNode}: true' in {id} (the opposite is {(op == Operator.Exists ? "not_exists" : "exists")}).");
                break;
            case Operator.In or Operator.NotIn:
                if (operandNode is not YamlSequenceNode { Children.Count: > 0 } values)
                    throw new ConfigurationError(source, Line(operandNode), $"'{opNode}' in {id} takes a list of values.");
                operands.AddRange(values.Children.Select(v => Operand(v, kind, id)));
                break;
            case Operator.Matches:
                pattern = Compile(ScalarText(operandNode, $"matches in {id}"), Line(operandNode), RegexOptions.None);
                break;
            case Operator.Contains:
                operands.Add(ScalarText(operandNode, $"contains in {id}"));
                break;
            default:
                operands.Add(Operand(operandNode, kind, id));
                break;
        }
        return new Condition.Test(path, property, tagKey, op, operands, pattern);
    }

    private object Operand(YamlNode node, AttributeKind kind, string id)
    {
        var text = ScalarText(node, $"a value in {id}");
        return kind switch
        {
            AttributeKind.Bool => bool.TryParse(text, out var b) ? b : throw new ConfigurationError(source, Line(node), $"'{text}' in {id} must be true or false."),
            AttributeKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new ConfigurationError(source, Line(node), $"'{text}' in {id} must be a number."),
            _ => text,
        };
    }

    private static string KindName(AttributeKind kind) => kind switch
    {
        AttributeKind.Bool => "true or false",
        AttributeKind.Number => "a number",
        AttributeKind.String => "text",
        AttributeKind.StringList => "a list of text",
        _ => "a nested value (only exists and not_exists apply)",
    };

    // ---------------------------------------------------------------- helpers

    private Regex CompileRegex(Fields f, string key, RegexOptions options) => Compile(f.RequiredText(key), f.LineOf(key), options);

    /// <summary>Every custom regex runs under the shipped detectors' time limit; a time-out is a coverage gap or an undecided value.</summary>
    private Regex Compile(string pattern, int line, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.CultureInvariant, Detector.MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationError(source, line, $"the regex '{pattern}' is not valid: {ex.Message}");
        }
    }

    /// <summary>A glob in .gitignore style: without a '/', it matches the name in any folder.</summary>
    private static Regex PathGlob(string pattern) => Glob.ForPath(pattern.Contains('/') ? pattern.TrimStart('/') : "**/" + pattern);

    private string ScalarText(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw new ConfigurationError(source, Line(node), $"{what} must be a non-empty text value.");

    private static string Suggest(string name, IEnumerable<string> known) =>
        ReadinessCli.Closest(name, known) is { } closest ? $" (did you mean '{closest}'?)" : "";

    /// <summary>A readable rule name from its title, like the class names of shipped rules ("AcmeInternalApiToken").</summary>
    private static string NameOf(string title) =>
        string.Concat(Regex.Split(title, "[^A-Za-z0-9]+").Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>A mapping read strictly: unknown keys are errors (with the nearest known key), every read names its line.</summary>
    private sealed class Fields
    {
        private readonly YamlMappingNode node;
        private readonly string source;

        private Fields(YamlMappingNode node, string source)
        {
            this.node = node;
            this.source = source;
        }

        public static Fields Of(YamlNode node, string source, string what, IReadOnlyList<string> allowed)
        {
            if (node is not YamlMappingNode mapping) throw new ConfigurationError(source, Line(node), $"{what} must be a mapping of {string.Join(", ", allowed)}.");
            foreach (var key in mapping.Children.Keys)
            {
                var name = key.ToString();
                if (!allowed.Contains(name))
                    throw new ConfigurationError(source, Line(key), $"unknown field '{name}' in {what}{Suggest(name, allowed)}; expected one of {string.Join(", ", allowed)}.");
            }
            return new Fields(mapping, source);
        }

        public int LineOfRule => Line(node);

        public YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public int LineOf(string key) => node.Children.Keys.FirstOrDefault(k => k.ToString() == key) is { } k ? Line(k) : Line(node);

        public string? Text(string key) => Node(key) switch
        {
            null => null,
            YamlScalarNode { Value: { Length: > 0 } v } => v,
            var other => throw new ConfigurationError(source, Line(other), $"'{key}' must be a non-empty text value."),
        };

        public string RequiredText(string key) =>
            Text(key) ?? throw new ConfigurationError(source, Line(node), $"required field '{key}' is missing.");

        public bool? Bool(string key) => Text(key) is not { } text ? null
            : bool.TryParse(text, out var b) ? b : throw new ConfigurationError(source, LineOf(key), $"'{key}' must be true or false.");

        public double? Number(string key) => Text(key) is not { } text ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new ConfigurationError(source, LineOf(key), $"'{key}' must be a number.");

        /// <summary>The items of a list field (empty when absent).</summary>
        public IReadOnlyList<YamlNode> Items(string key) => Node(key) switch
        {
            null => [],
            YamlScalarNode { Value: null or "" } => [],
            YamlSequenceNode seq => seq.Children.ToList(),
            var other => throw new ConfigurationError(source, Line(other), $"'{key}' must be a list."),
        };

        /// <summary>A list of text values (one text value is a list of one), each with its line.</summary>
        public IEnumerable<(string Text, int Line)> Texts(string key)
        {
            var value = Node(key);
            IEnumerable<YamlNode> items = value is YamlScalarNode { Value: { Length: > 0 } } ? [value] : Items(key);
            return items.Select(i => i is YamlScalarNode { Value: { } v } ? (v, Line(i)) : throw new ConfigurationError(source, Line(i), $"each item of '{key}' must be a text value.")).ToList();
        }
    }
}
