using Readiness.Runner.Configuration;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// The ruleset's <c>policy</c> section: whether inline suppressions in code count, how far ahead a suppression may
/// expire (so accepted risks come back for review), and what findings in example roots of a module library do.
/// Example: <c>policy: { inline_suppressions: forbid, max_suppression_days: 90, example_roots: ignore }</c>.
/// </summary>
public sealed record SuppressionPolicy
{
    public const string SectionName = "policy";
    public const int DefaultMaxDays = 180;

    public bool InlineAllowed { get; init; } = true;
    public int MaxSuppressionDays { get; init; } = DefaultMaxDays;

    /// <summary>Findings reached through Terraform example roots (examples/, test/): reported but never blocking (default), ignored, or blocking.</summary>
    public ExampleRoots ExampleRoots { get; init; } = ExampleRoots.Report;

    /// <summary>Where the policy was set ("file:line"), to tell the user which file to change; null for the defaults.</summary>
    public string? Source { get; init; }

    public static SuppressionPolicy Default { get; } = new();

    public static SuppressionPolicy From(Ruleset ruleset)
    {
        if (!ruleset.Sections.TryGetValue(SectionName, out var section)) return Default;
        if (section.Node is not YamlMappingNode mapping)
            throw new ConfigurationError(section.File, RulesetLoader.Line(section.Node), "'policy' must be a mapping, e.g. { inline_suppressions: forbid, max_suppression_days: 180 }.");
        var policy = Default with { Source = $"{section.File}:{RulesetLoader.Line(section.Node)}" };
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode.ToString();
            var text = (value as YamlScalarNode)?.Value ?? "";
            var line = RulesetLoader.Line(value);
            switch (key)
            {
                case "inline_suppressions":
                    policy = text switch
                    {
                        "allow" => policy with { InlineAllowed = true },
                        "forbid" => policy with { InlineAllowed = false },
                        _ => throw new ConfigurationError(section.File, line, $"policy inline_suppressions must be 'allow' or 'forbid', not '{text}'."),
                    };
                    break;
                case "max_suppression_days":
                    if (!int.TryParse(text, out var days) || days < 1)
                        throw new ConfigurationError(section.File, line, $"policy max_suppression_days must be a whole number of days of at least 1, not '{text}'.");
                    policy = policy with { MaxSuppressionDays = days };
                    break;
                case "example_roots":
                    policy = text switch
                    {
                        "report" => policy with { ExampleRoots = ExampleRoots.Report },
                        "ignore" => policy with { ExampleRoots = ExampleRoots.Ignore },
                        "block" => policy with { ExampleRoots = ExampleRoots.Block },
                        _ => throw new ConfigurationError(section.File, line, $"policy example_roots must be 'report', 'ignore' or 'block', not '{text}'."),
                    };
                    break;
                default:
                    throw new ConfigurationError(section.File, RulesetLoader.Line(keyNode), $"unknown policy key '{key}'; expected inline_suppressions, max_suppression_days or example_roots.");
            }
        }
        return policy;
    }
}

/// <summary>What findings in Terraform example roots do: reported at their severity but never blocking, left out, or blocking.</summary>
public enum ExampleRoots
{
    Report,
    Ignore,
    Block,
}
