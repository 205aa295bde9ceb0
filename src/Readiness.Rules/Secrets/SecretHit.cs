using Readiness.Rules.Model;

namespace Readiness.Rules.Secrets;

/// <summary>What kind of secret a hit is. Detectors declare theirs in detectors.yaml (`kind:`).</summary>
public enum SecretKind
{
    /// <summary>A credential issued by a provider (AWS, GitHub, Stripe, ...).</summary>
    Provider,

    /// <summary>A private key block (PEM, OpenSSH, PuTTY, PGP, age).</summary>
    PrivateKey,

    /// <summary>A password inside a connection URL or string, or a service password.</summary>
    ConnectionPassword,

    /// <summary>A secret-named variable or key assigned a real-looking literal.</summary>
    Assignment,

    /// <summary>A placeholder where production configuration needs a real secret.</summary>
    Placeholder,

    /// <summary>A literal fallback for a secret read from the environment.</summary>
    Fallback,

    /// <summary>A match of a detector a ruleset declares (custom.secrets); its own rule reports it.</summary>
    Custom,
}

/// <summary>
/// One secret found in a file, before it becomes a finding. Holds the value in memory only so it can be hashed and
/// redacted; <see cref="ToString"/> never shows it.
/// </summary>
public sealed record SecretHit
{
    /// <summary>What was found; each secret rule chooses the kinds it reports (the scanner never names a rule).</summary>
    public required SecretKind Kind { get; init; }

    /// <summary>Detector id for provider detectors ("github-pat"), or "generic-assignment", "placeholder", "env-fallback".</summary>
    public required string DetectorId { get; init; }

    public required string Title { get; init; }

    /// <summary>The detector's severity (detectors.yaml); the generic passes leave it to the rule.</summary>
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

    public override string ToString() => $"{Kind} {DetectorId} at {Start} ({Text.Redaction.Preview(Value)})";
}
