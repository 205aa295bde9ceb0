using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Languages.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Readiness.Rules.Model;

namespace Readiness.Rules.Custom;

/// <summary>One key a structured file sets: its dotted path (logging.level), its scalar value as written, and its line.</summary>
public sealed record KeyEntry(string Path, string? Value, int Line);

/// <summary>
/// The keys a structured file sets, whatever its format: JSON and YAML (through the same bounded YAML reader as the
/// rest of the scan), .env and .properties lines, Terraform variable files. Other files have no keys.
/// </summary>
public static class StructuredKeys
{
    /// <summary>The file's keys, and why they could not be read (a syntax error) when they could not.</summary>
    public static (IReadOnlyList<KeyEntry> Entries, string? Problem) Read(SourceFile file)
    {
        var entries = new List<KeyEntry>();
        switch (file.Language)
        {
            case Language.Json or Language.Yaml:
                try
                {
                    foreach (var document in SafeYaml.Load(file.Text).Documents) Walk(document.RootNode, "", entries);
                }
                catch (YamlException ex)
                {
                    return (entries, $"line {ex.Start.Line}: not valid {(file.Language == Language.Json ? "JSON" : "YAML")}");
                }
                break;
            case Language.DotEnv or Language.Properties:
                for (var line = 1; line <= file.LineCount; line++)
                {
                    var text = file.Line(line).Trim();
                    if (text.StartsWith("export ", StringComparison.Ordinal)) text = text[7..].TrimStart();
                    var eq = text.IndexOfAny(['=', ':']);
                    if (text.Length == 0 || text[0] is '#' or '!' || eq <= 0) continue;
                    entries.Add(new KeyEntry(text[..eq].Trim(), Unquote(text[(eq + 1)..].Trim()), line));
                }
                break;
            case Language.Hcl or Language.Terraform:
                var hcl = HclParser.Parse(file.Path, file.Text);
                foreach (var attribute in hcl.Body.Attributes) Walk(attribute.Value, attribute.Name, entries);
                if (hcl.Error is { } error) return (entries, $"line {error.Line}: {error.Message}");
                break;
        }
        return (entries, null);
    }

    private static void Walk(YamlNode node, string path, List<KeyEntry> entries)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var child = path.Length == 0 ? key.ToString() : path + "." + key;
                    if (value is YamlScalarNode scalar) entries.Add(new KeyEntry(child, scalar.Value, (int)key.Start.Line));
                    else
                    {
                        entries.Add(new KeyEntry(child, null, (int)key.Start.Line));
                        Walk(value, child, entries);
                    }
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children) Walk(item, path, entries);
                break;
        }
    }

    private static void Walk(HclExpr expr, string path, List<KeyEntry> entries)
    {
        switch (expr)
        {
            case HclObject obj:
                entries.Add(new KeyEntry(path, null, obj.Line));
                foreach (var item in obj.Items)
                {
                    var key = item.Key switch
                    {
                        HclLiteral { Value: string s } => s,
                        HclVariable v => v.Name,
                        HclTemplate t => t.Text.Trim('"'),
                        var other => other.Text,
                    };
                    Walk(item.Value, path + "." + key, entries);
                }
                break;
            case HclLiteral literal:
                entries.Add(new KeyEntry(path, literal.Value is bool b ? (b ? "true" : "false") : Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture), literal.Line));
                break;
            case HclTemplate template:
                entries.Add(new KeyEntry(path, template.Parts.All(p => p is string) ? string.Concat(template.Parts) : template.Text, template.Line));
                break;
            default:
                entries.Add(new KeyEntry(path, expr.Text, expr.Line));
                break;
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
