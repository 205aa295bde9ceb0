namespace Readiness.Rules.Model;

/// <summary>
/// One judged problem. Message is a full sentence naming the thing and what to do; Snippet is evidence that has
/// already been redacted (never a full secret); Fingerprint is stable across unrelated edits and is assigned by the engine.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required EvidenceSource Source { get; init; }
    public required string Message { get; init; }
    public required Location Location { get; init; }
    public string? Snippet { get; init; }

    /// <summary>
    /// What identifies this finding apart from its line number: for a secret its hash, for a resource its address or ARN,
    /// for code the normalized text of the offending line. The engine turns it into <see cref="Fingerprint"/>.
    /// </summary>
    public string? FingerprintKey { get; init; }

    public string Fingerprint { get; init; } = "";

    /// <summary>Extra facts for machine readers (secret hash, detector, attribute name, expected/actual values).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>True when the rule could not decide (an unresolved expression): reported at info level, never a pass or a fail.</summary>
    public bool Undecided { get; init; }

    /// <summary>Property naming the example root (examples/complete) a finding was reached through; see <see cref="IsExample"/>.</summary>
    public const string ExampleRootProperty = "example_root";

    /// <summary>True when the finding is on a resource of an example root: labelled, and by default never blocking (a method: not serialized).</summary>
    public bool IsExample() => Properties.ContainsKey(ExampleRootProperty);

    internal static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();
}
