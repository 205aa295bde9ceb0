using Readiness.Runner.Configuration;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// The ruleset's <c>policy</c> section: whether inline suppressions in code count, and how far ahead a suppression may
/// expire (so accepted risks come back for review). Example: <c>policy: { inline_suppressions: forbid, max_suppression_days: 90 }</c>.
/// </summary>
public sealed record SuppressionPolicy
{
    public const string SectionName = "policy";
    public const int DefaultMaxDays = 180;

    public bool InlineAllowed { get; init; } = true;
    public int MaxSuppressionDays { get; init; } = DefaultMaxDays;

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
                default:
                    throw new ConfigurationError(section.File, RulesetLoader.Line(keyNode), $"unknown policy key '{key}'; expected inline_suppressions or max_suppression_days.");
            }
        }
        return policy;
    }
}
