using Readiness.Rules.Model;
using Readiness.Runner.Sources.Iac;
using Readiness.Rules.Languages.Yaml;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Sources.CloudFormation;

/// <summary>
/// A CloudFormation template (JSON or YAML, including CDK output) with its intrinsic functions evaluated where the
/// template alone decides them: Ref to parameters with defaults, Fn::Sub, Fn::Join, Fn::If on simple conditions,
/// Fn::Select, Fn::FindInMap, Fn::Equals/Not/And/Or. Short-form tags (!Ref, !Sub, !GetAtt...) are read from the node
/// tags. Ref and GetAtt of a resource stay unknown but keep the logical id, so the mapper can link resources.
/// </summary>
public sealed partial class CfnTemplate
{
    private readonly Dictionary<string, object?> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> conditions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool?> conditionValues = new(StringComparer.Ordinal);
    private readonly YamlMappingNode? mappings;

    private CfnTemplate(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
        mappings = Section("Mappings");
        if (Section("Resources") is { } resources)
        {
            foreach (var (key, value) in resources.Children)
            {
                if (value is YamlMappingNode body) Resources[key.ToString()] = ((YamlScalarNode)key, body);
            }
        }
        if (Section("Parameters") is { } parameterSection)
        {
            foreach (var (key, value) in parameterSection.Children)
            {
                var name = key.ToString();
                parameters[name] = value is YamlMappingNode p && p.Children.TryGetValue(new YamlScalarNode("Default"), out var d)
                    ? Scalar(d)
                    : new IacUnknown($"!Ref {name}");
            }
        }
        if (Section("Conditions") is { } conditionSection)
        {
            foreach (var (key, value) in conditionSection.Children) conditions[key.ToString()] = value;
        }
    }

    public string Path { get; }
    public YamlMappingNode Root { get; }

    /// <summary>Resources by logical id, with the key node (for its line) and the body.</summary>
    public Dictionary<string, (YamlScalarNode Key, YamlMappingNode Body)> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A file that may be a template and is worth parsing: a template extension, an AWS:: type somewhere, and either
    /// the format version that makes a parse failure a gap or what <see cref="Parse"/> needs written out: a Resources
    /// key and a Type key whose value starts with AWS:: (quoted or not, in any spacing, so a superset of
    /// <see cref="LooksLikeTemplate"/>). Without these tests every JSON schema or API model that names an AWS:: type
    /// was parsed only to be found not to be a template: 2,782 files of cfn-lint's data in the benchmark's Python tree
    /// (a fifth of its scan) without the Resources test, then 73 more (botocore and cfn-lint schemas, 5% of its CPU,
    /// all of it on one thread after the walk) without the Type test.
    /// </summary>
    public static bool MayBeTemplate(SourceFile file)
    {
        var extension = System.IO.Path.GetExtension(file.Path).ToLowerInvariant();
        return extension is ".json" or ".yaml" or ".yml" or ".template"
            && file.Text.AsSpan().ContainsAny(AwsNamespace)
            && (file.Text.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal) || (AnyResourcesKey().IsMatch(file.Text) && AwsType().IsMatch(file.Text)));
    }

    // Searched in every JSON and YAML file: a single-string SearchValues anchors on the needle's rarest characters.
    private static readonly System.Buffers.SearchValues<string> AwsNamespace = System.Buffers.SearchValues.Create(["AWS::"], StringComparison.Ordinal);

    [GeneratedRegex("""Resources["']?\s*:""")]
    private static partial Regex AnyResourcesKey();

    [GeneratedRegex("""(?m)(^Resources\s*:|"Resources"\s*:)""")]
    private static partial Regex ResourcesKey();

    [GeneratedRegex("""Type["']?\s*:\s*["']?AWS::""")]
    private static partial Regex AwsType();

    /// <summary>
    /// True when text that does not parse was meant as a template (a format version, or a Resources key and an AWS::
    /// type): such a file is a coverage gap, never silently skipped.
    /// </summary>
    public static bool LooksLikeTemplate(string text) =>
        text.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal) || (ResourcesKey().IsMatch(text) && AwsType().IsMatch(text));

    /// <summary>
    /// Parses a template: a YAML or JSON document with a Resources map holding at least one AWS:: type (quoted or not;
    /// no AWSTemplateFormatVersion needed; SAM's AWS::Serverless:: types count). Null when the document is something else.
    /// Throws <see cref="YamlException"/> (with position) when it is not well-formed.
    /// </summary>
    public static CfnTemplate? Parse(SourceFile file)
    {
        // JSON is YAML, except that YAML forbids tabs as indentation; JSON strings cannot hold raw tabs, so replacing
        // them keeps every value and every line and column.
        var text = file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? file.Text.Replace('\t', ' ') : file.Text;
        var stream = SafeYaml.Load(text);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;
        var template = new CfnTemplate(file.Path, root);
        return template.Resources.Values.Any(r => r.Body.Children.TryGetValue(new YamlScalarNode("Type"), out var type)
            && type is YamlScalarNode { Value: { } t } && t.StartsWith("AWS::", StringComparison.Ordinal)) ? template : null;
    }

    /// <summary>The CDK construct path of a resource (Metadata aws:cdk:path), when the CDK synthesized the template.</summary>
    public string? CdkPath(string logicalId) =>
        Resources.TryGetValue(logicalId, out var r)
        && r.Body.Children.TryGetValue(new YamlScalarNode("Metadata"), out var metadata) && metadata is YamlMappingNode m
        && m.Children.TryGetValue(new YamlScalarNode("aws:cdk:path"), out var path) && path is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : null;

    /// <summary>Overrides parameter values (e.g. from a parameters file); later values win.</summary>
    public void SetParameter(string name, object? value) => parameters[name] = value;

    private YamlMappingNode? Section(string name) =>
        Root.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlMappingNode : null;

    /// <summary>A resource's Condition: true, false, or null when it cannot be decided.</summary>
    public bool? Condition(string name)
    {
        if (conditionValues.TryGetValue(name, out var cached)) return cached;
        conditionValues[name] = null; // guards against cycles
        var value = conditions.TryGetValue(name, out var node) ? IacValues.AsBool(Eval(node)) : null;
        return conditionValues[name] = value;
    }

    private static string Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : node.ToString();

    /// <summary>Evaluates a node into the plain form shared with Terraform (string, list, map, <see cref="IacUnknown"/>).</summary>
    public object? Eval(YamlNode node)
    {
        var (function, argument) = Intrinsic(node);
        if (function is not null) return Call(function, argument!, node);
        return node switch
        {
            YamlScalarNode s => s.Value,
            YamlSequenceNode seq => seq.Children.Select(Eval).Where(v => v is not NoValue).ToList(),
            YamlMappingNode map => map.Children
                .Select(kv => (Key: kv.Key.ToString(), Value: Eval(kv.Value)))
                .Where(kv => kv.Value is not NoValue)
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            _ => null,
        };
    }

    public static bool IsNoValue(object? value) => value is NoValue;

    /// <summary>Marker for Ref AWS::NoValue: the property is removed.</summary>
    private sealed class NoValue
    {
        public static readonly NoValue Instance = new();
    }

    /// <summary>The intrinsic function of a node: a short-form tag (!Ref) or a one-key map ({"Fn::GetAtt": ...}).</summary>
    public static (string? Function, YamlNode? Argument) Intrinsic(YamlNode node)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value.Length > 1 && node.Tag.Value[0] == '!' && node.Tag.Value[1] != '!')
        {
            var name = node.Tag.Value[1..];
            return (name is "Ref" or "Condition" ? name : "Fn::" + name, node);
        }
        if (node is YamlMappingNode { Children.Count: 1 } map)
        {
            var key = map.Children.Keys.First().ToString();
            if (key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal)) return (key, map.Children.Values.First());
        }
        return (null, null);
    }

    private object? Call(string function, YamlNode argument, YamlNode whole)
    {
        var text = Describe(function, argument);
        // A short-form tag is on the argument node itself: read it without the tag.
        List<YamlNode> Args() => argument is YamlSequenceNode seq ? seq.Children.ToList() : [argument];
        string? Text(YamlNode n) => IacValues.AsString(EvalUntagged(n, whole));
        switch (function)
        {
            case "Ref":
                var name = argument is YamlScalarNode s ? s.Value ?? "" : "";
                if (name == "AWS::NoValue") return NoValue.Instance;
                if (parameters.TryGetValue(name, out var value)) return value;
                return new IacUnknown(text, Resources.ContainsKey(name) ? name : null);
            case "Fn::GetAtt":
                var target = argument is YamlSequenceNode g ? Scalar(g.Children[0]) : Scalar(argument).Split('.')[0];
                return new IacUnknown(text, Resources.ContainsKey(target) ? target : null);
            case "Condition":
                return Condition(Scalar(argument)) is { } c ? c : new IacUnknown(text);
            case "Fn::Sub":
                return Sub(argument, whole, text);
            case "Fn::Join" when Args() is [var separator, var listNode]:
                var list = EvalUntagged(listNode, whole) as List<object?>;
                if (list is null || !list.All(IacValues.IsKnown)) return new IacUnknown(text, Reference(list));
                return string.Join(Text(separator), list.Select(IacValues.AsString));
            case "Fn::If" when Args() is [var conditionName, var whenTrue, var whenFalse]:
                var decided = Condition(Scalar(conditionName));
                if (decided is { } d) return Eval(d ? whenTrue : whenFalse);
                var a = Eval(whenTrue);
                var b = Eval(whenFalse);
                return IacValues.IsKnown(a) && IacValues.IsKnown(b) && IacValues.ToJson(a) == IacValues.ToJson(b) ? a : new IacUnknown(text);
            case "Fn::Equals" when Args() is [var left, var right]:
                var l = Eval(left);
                var r = Eval(right);
                return IacValues.IsKnown(l) && IacValues.IsKnown(r) ? IacValues.ToJson(l) == IacValues.ToJson(r) : new IacUnknown(text);
            case "Fn::Not" when Args() is [var operand]:
                return IacValues.AsBool(Eval(operand)) is { } not ? !not : new IacUnknown(text);
            case "Fn::And" or "Fn::Or":
                var values = Args().Select(n => IacValues.AsBool(Eval(n))).ToList();
                if (function == "Fn::And") return values.Any(v => v == false) ? false : values.All(v => v == true) ? true : new IacUnknown(text);
                return values.Any(v => v == true) ? true : values.All(v => v == false) ? false : new IacUnknown(text);
            case "Fn::Select" when Args() is [var index, var from]:
                var items = EvalUntagged(from, whole) as List<object?>;
                return IacValues.AsNumber(Eval(index)) is { } i && items is not null && i >= 0 && i < items.Count ? items[(int)i] : new IacUnknown(text);
            case "Fn::FindInMap" when Args() is [var mapName, var topKey, var secondKey]:
                var keys = new[] { Text(mapName), Text(topKey), Text(secondKey) };
                if (mappings is null || keys.Any(k => k is null)) return new IacUnknown(text);
                YamlNode? cursor = mappings;
                foreach (var k in keys) cursor = cursor is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(k!), out var next) ? next : null;
                return cursor is null ? new IacUnknown(text) : Eval(cursor);
            default:
                return new IacUnknown(text);
        }
    }

    /// <summary>Evaluates a short-form tagged node's content as the plain node it would be without the tag.</summary>
    private object? EvalUntagged(YamlNode node, YamlNode whole) =>
        ReferenceEquals(node, whole) ? node switch
        {
            YamlScalarNode s => s.Value,
            YamlSequenceNode seq => seq.Children.Select(Eval).ToList(),
            _ => Eval(new YamlMappingNode(((YamlMappingNode)node).Children)),
        } : Eval(node);

    private object? Sub(YamlNode argument, YamlNode whole, string text)
    {
        string? format;
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (argument is YamlSequenceNode seq && seq.Children.Count == 2)
        {
            format = (seq.Children[0] as YamlScalarNode)?.Value;
            if (Eval(seq.Children[1]) is Dictionary<string, object?> map) variables = map;
        }
        else format = (argument as YamlScalarNode)?.Value;
        if (format is null) return new IacUnknown(text);
        var sb = new System.Text.StringBuilder();
        string? reference = null;
        var known = true;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '$' && i + 1 < format.Length && format[i + 1] == '{')
            {
                var end = format.IndexOf('}', i);
                if (end < 0) return new IacUnknown(text);
                var name = format[(i + 2)..end];
                i = end;
                if (name.StartsWith('!')) { sb.Append("${").Append(name[1..]).Append('}'); continue; }
                var value = variables.TryGetValue(name, out var v) ? v
                    : parameters.TryGetValue(name, out var p) ? p
                    : new IacUnknown(name, Resources.ContainsKey(name.Split('.')[0]) ? name.Split('.')[0] : null);
                if (IacValues.AsString(value) is { } s) sb.Append(s);
                else
                {
                    known = false;
                    reference ??= (value as IacUnknown)?.Reference;
                }
                continue;
            }
            sb.Append(format[i]);
        }
        return known ? sb.ToString() : new IacUnknown(text, reference);
    }

    private static string? Reference(List<object?>? values) => values?.OfType<IacUnknown>().Select(u => u.Reference).FirstOrDefault(r => r is not null);

    private static string Describe(string function, YamlNode argument)
    {
        var shortName = function.StartsWith("Fn::", StringComparison.Ordinal) ? function[4..] : function;
        var body = argument is YamlScalarNode s ? s.Value : Flatten(argument);
        var result = $"!{shortName} {body}";
        return result.Length > 120 ? result[..117] + "..." : result;
    }

    private static string Flatten(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Flatten)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => $"{kv.Key}: {Flatten(kv.Value)}")) + "}",
        _ => "",
    };
}
