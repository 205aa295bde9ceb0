using Readiness.Rules.Model;

namespace Readiness.Rules.Engine;

/// <summary>
/// What a rule declares about itself. The short facts (id, name) are checked against the class; the long text
/// (rationale, remediation, references) lives in the YAML file beside the rule class.
/// </summary>
public sealed record RuleMetadata
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required string Rationale { get; init; }
    public required string Remediation { get; init; }
    public IReadOnlyList<RuleReference> References { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyDictionary<string, RuleParameter> Parameters { get; init; } = new Dictionary<string, RuleParameter>();

    /// <summary>The checklist items this rule covers (e.g. "CSEC-19", "SHIELD-2"), taken from the references.</summary>
    public IEnumerable<string> ChecklistItems => References.Where(r => r.Kind == "checklist").Select(r => r.Id);

    /// <summary>Where the rule's documentation is published; the first reference URL when none is set.</summary>
    public string? HelpUri { get; init; }
}

/// <summary>A reference: kind is one of cwe, securityhub, checkov, django, owasp, checklist, url; Id the identifier; Url optional.</summary>
public sealed record RuleReference(string Kind, string Id, string? Url = null)
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "cwe", "securityhub", "checkov", "django", "owasp", "checklist", "cis", "url",
    };

    public string Display() => Kind switch
    {
        "cwe" => Id,
        "securityhub" => $"AWS Security Hub {Id}",
        "checkov" => $"Checkov {Id}",
        "django" => $"Django {Id}",
        "checklist" => $"Checklist {Id}",
        "cis" => $"CIS {Id}",
        _ => Id,
    };
}

public enum ParameterType
{
    Int,
    String,
    Bool,
    StringList,
}

/// <summary>A tunable value of a rule, set by rulesets.</summary>
public sealed record RuleParameter(ParameterType Type, object Default, string Description);
