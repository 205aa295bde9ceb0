using Readiness.Runner.Configuration;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Scan;

/// <summary>
/// The ruleset's <c>paths: { exclude: [...] }</c>: globs with .gitignore semantics, relative to the project whose
/// <c>.readiness/</c> holds the ruleset (else to the scanned folder), for what the project never wants scanned
/// (vendored code, fixtures). Skipped files are listed in coverage.
/// </summary>
public static class PathsPolicy
{
    public const string Section = "paths";

    /// <summary>The file that declares the paths section, or null.</summary>
    public static string? DeclaredIn(Ruleset ruleset) => ruleset.Sections.TryGetValue(Section, out var section) ? section.File : null;

    public static IReadOnlyList<string> Excludes(Ruleset ruleset)
    {
        if (!ruleset.Sections.TryGetValue(Section, out var section)) return [];
        if (section.Node is not YamlMappingNode mapping)
            throw new ConfigurationError(section.File, RulesetLoader.Line(section.Node), "'paths' must be a mapping, e.g. { exclude: [\"vendor/\", \"**/testdata/\"] }.");
        var excludes = new List<string>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode.ToString() != "exclude")
                throw new ConfigurationError(section.File, RulesetLoader.Line(keyNode), $"unknown paths key '{keyNode}'; expected exclude.");
            if (value is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
                throw new ConfigurationError(section.File, RulesetLoader.Line(value), "paths exclude must be a list of globs, e.g. [\"vendor/\", \"*.min.js\"].");
            excludes.AddRange(list.Children.Select(c => ((YamlScalarNode)c).Value!));
        }
        return excludes;
    }
}
