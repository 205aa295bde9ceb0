using System.Globalization;
using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;
using Readiness.Rules.Languages.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// Reads per-rule suppression files (<c>.readiness/suppressions/RDY1234.yaml</c>). Every mistake is a
/// <see cref="ConfigurationError"/> with the file and line: a missing reason or expiry, an unknown field, a bad date,
/// an expiry beyond the policy's limit, or a file named after a rule that does not exist.
/// </summary>
public sealed partial class SuppressionFiles(RuleCatalog catalog, SuppressionPolicy policy, DateOnly today)
{
    public const string DefaultFolder = ".readiness/suppressions";
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] Fields = ["match", "reason", "expires", "owner", "ticket"];

    /// <summary>
    /// Loads <paramref name="path"/> (a folder of RULE-ID.yaml files or one such file). When it is null the default
    /// folder under <paramref name="scanRoot"/> is used if it exists; an explicitly given path must exist.
    /// </summary>
    public IReadOnlyList<SuppressionEntry> Load(string? path, string scanRoot)
    {
        var explicitPath = path is not null;
        path ??= Path.Combine(scanRoot, DefaultFolder);
        IEnumerable<string> files;
        if (File.Exists(path)) files = [path];
        else if (Directory.Exists(path))
            files = Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        else if (explicitPath) throw new ConfigurationError(path, 0, "--suppressions: no such file or folder.");
        else return [];

        var entries = new List<SuppressionEntry>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationError(Display(file, scanRoot), 0, "cannot read the suppression file: " + ex.Message);
            }
            entries.AddRange(Parse(Display(file, scanRoot), text, Scan.ProjectSettings.PrefixFor(file, scanRoot)));
        }
        return entries;
    }

    /// <summary>
    /// Parses one file; the rule id comes from its name (RDY1234.yaml). <paramref name="pathPrefix"/> is the scanned
    /// folder relative to the project owning the file (see <see cref="Scan.ProjectSettings.PrefixFor"/>).
    /// </summary>
    public IReadOnlyList<SuppressionEntry> Parse(string file, string text, string pathPrefix = "")
    {
        var ruleId = Path.GetFileNameWithoutExtension(file);
        if (!RuleIdPattern().IsMatch(ruleId) || catalog.Find(ruleId) is null)
            throw new ConfigurationError(file, 0, $"the file is named after an unknown rule '{ruleId}'; name it after the rule it suppresses (e.g. RDY1101.yaml), see 'readiness rules'.");

        var root = ReadRoot(file, text);
        if (root is null) return [];
        var entries = new List<SuppressionEntry>();
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode.ToString() != "suppressions")
                throw new ConfigurationError(file, Line(keyNode), $"unknown key '{keyNode}'; a suppression file has one key, 'suppressions', holding a list of entries.");
            if (value is YamlScalarNode { Value: null or "" }) continue;
            if (value is not YamlSequenceNode list)
                throw new ConfigurationError(file, Line(value), "'suppressions' must be a list of entries (- match: ..., reason: ..., expires: ...).");
            foreach (var item in list.Children) entries.Add(Entry(ruleId, file, item, pathPrefix));
        }
        return entries;
    }

    private static YamlMappingNode? ReadRoot(string file, string text)
    {
        try
        {
            var stream = SafeYaml.Load(text);
            if (stream.Documents.Count == 0) return null;
            return stream.Documents[0].RootNode switch
            {
                YamlMappingNode mapping => mapping,
                YamlScalarNode { Value: null or "" } => null,
                var other => throw new ConfigurationError(file, Line(other), "a suppression file must be a mapping with a 'suppressions' list."),
            };
        }
        catch (YamlException ex)
        {
            throw new ConfigurationError(file, (int)ex.Start.Line, "YAML syntax error: " + YamlErrors.Describe(ex));
        }
    }

    private SuppressionEntry Entry(string ruleId, string file, YamlNode node, string pathPrefix)
    {
        if (node is not YamlMappingNode mapping)
            throw new ConfigurationError(file, Line(node), "each suppression must be a mapping with match, reason and expires.");
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode.ToString();
            if (!Fields.Contains(key))
                throw new ConfigurationError(file, Line(keyNode), $"unknown field '{key}'; a suppression has {string.Join(", ", Fields)}.");
            if (value is not YamlScalarNode { Value: var text } || string.IsNullOrWhiteSpace(text))
                throw new ConfigurationError(file, Line(value), $"'{key}' must be a non-empty text value.");
            values[key] = (text.Trim(), Line(value));
        }
        var line = Line(mapping);
        foreach (var required in new[] { "match", "reason", "expires" })
        {
            if (!values.ContainsKey(required))
                throw new ConfigurationError(file, line, $"the suppression has no '{required}'; every suppression needs match, reason and expires (YYYY-MM-DD).");
        }
        var (expiresText, expiresLine) = values["expires"];
        if (!DateOnly.TryParseExact(expiresText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            throw new ConfigurationError(file, expiresLine, $"expires '{expiresText}' is not a date in the form YYYY-MM-DD.");
        CheckExpiry(expires, file, expiresLine);
        return new SuppressionEntry
        {
            RuleId = ruleId,
            Match = values["match"].Value,
            Reason = values["reason"].Value,
            Expires = expires,
            Owner = values.TryGetValue("owner", out var owner) ? owner.Value : null,
            Ticket = values.TryGetValue("ticket", out var ticket) ? ticket.Value : null,
            Source = $"{file}:{line}",
            PathPrefix = pathPrefix,
        };
    }

    /// <summary>The policy's cap: an expiry further ahead than max_suppression_days is refused.</summary>
    public void CheckExpiry(DateOnly expires, string file, int line)
    {
        var limit = today.AddDays(policy.MaxSuppressionDays);
        if (expires > limit)
            throw new ConfigurationError(file, line,
                $"expires {expires.ToString(DateFormat, CultureInfo.InvariantCulture)} is more than {policy.MaxSuppressionDays} days ahead (latest allowed: {limit.ToString(DateFormat, CultureInfo.InvariantCulture)}); accepted risks must come back for review (policy max_suppression_days{(policy.Source is null ? ", default" : " in " + policy.Source)}).");
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    // Paths under the scanned folder are shown relative to it, as findings are.
    private static string Display(string file, string scanRoot)
    {
        var full = Path.GetFullPath(file);
        var root = Path.GetFullPath(scanRoot);
        var relative = Path.GetRelativePath(root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }

    // A shipped id (RDY1234) or a ruleset's own (ACME-001); the catalog then says whether it exists.
    [GeneratedRegex(@"^(?:RDY[0-9]{4}|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*)$")]
    public static partial Regex RuleIdPattern();
}
