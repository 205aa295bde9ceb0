using Readiness.Rules.Model;

namespace Readiness.Rules.Secrets;

/// <summary>
/// One secret found in a file, before it becomes a finding. Holds the value in memory only so it can be hashed and
/// redacted; <see cref="ToString"/> never shows it.
/// </summary>
public sealed record SecretHit
{
    /// <summary>The rule that reports it: RDY1001..RDY1006.</summary>
    public required string RuleId { get; init; }

    /// <summary>Detector id for provider detectors ("github-pat"), or "generic-assignment", "placeholder", "env-fallback".</summary>
    public required string DetectorId { get; init; }

    public required string Title { get; init; }
    public required Severity Severity { get; init; }

    /// <summary>Character offset and length of the secret value in the file text.</summary>
    public required int Start { get; init; }

    public required int Length { get; init; }
    public required string Value { get; init; }

    /// <summary>The variable, key or environment variable name the value is assigned to, when there is one.</summary>
    public string? Name { get; init; }

    public string? Revoke { get; init; }

    /// <summary>Non-secret facts to add to the finding (the paired AWS key id's preview, the host of a URL).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public int End => Start + Length;

    public bool Overlaps(int start, int end) => start < End && Start < end;

    public override string ToString() => $"{RuleId} {DetectorId} at {Start} ({Text.Redaction.Preview(Value)})";
}
