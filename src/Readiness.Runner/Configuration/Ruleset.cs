using Readiness.Rules.Engine;
using Readiness.Runner.Custom;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Configuration;

/// <summary>A resolved ruleset: the active rules with severities and parameters, and the feature sections it set.</summary>
public sealed class Ruleset
{
    public required string Name { get; init; }

    /// <summary>The file it came from, or "builtin:NAME" for an embedded ruleset.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<ActiveRule> Rules { get; init; }

    /// <summary>
    /// Sections read by features rather than by the rule selection (for example <c>targets</c> for HTTP probes),
    /// keyed by name; a child ruleset's section replaces its parent's.
    /// </summary>
    public IReadOnlyDictionary<string, RulesetSection> Sections { get; init; } = new Dictionary<string, RulesetSection>();

    /// <summary>The shipped rules plus the custom rules of this ruleset and those it extends: what reports and suppressions look ids up in.</summary>
    public RuleCatalog Catalog { get; init; } = RuleCatalog.Default;

    /// <summary>The custom rules declared along the extends chain (parents first), with where each is written.</summary>
    public IReadOnlyList<CustomRuleDeclaration> Custom { get; init; } = [];

    /// <summary>Annotated fixture files and folders the custom section names, for `readiness rules test`.</summary>
    public IReadOnlyList<string> Fixtures { get; init; } = [];
}

/// <summary>A feature section as written, with the file it came from so its readers can report errors with lines.</summary>
public sealed record RulesetSection(string File, YamlNode Node);
