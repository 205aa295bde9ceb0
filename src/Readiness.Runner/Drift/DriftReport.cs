using Readiness.Runner.Results;

namespace Readiness.Runner.Drift;

/// <summary>
/// What changed between two runs (drift.json; drift.md and drift.html render it): the findings that appeared and those
/// that are gone (matched by fingerprint), the accepted risks that expired, and, when both runs carry an AWS
/// inventory, how live resources' configuration changed.
/// </summary>
public sealed record DriftReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public ToolInfo Tool { get; init; } = ToolInfo.Current;
    public required DriftRun From { get; init; }
    public required DriftRun To { get; init; }

    /// <summary>The newer run's verdict: what the system is now.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Findings of the newer run that the older did not have (suppressed ones left out).</summary>
    public IReadOnlyList<ResultFinding> New { get; init; } = [];

    /// <summary>Findings of the older run that the newer no longer has.</summary>
    public IReadOnlyList<ResultFinding> Fixed { get; init; } = [];

    /// <summary>Findings of the newer run whose suppression has expired: accepted risks that are back.</summary>
    public IReadOnlyList<ExpiredSuppression> ExpiredSuppressions { get; init; } = [];

    /// <summary>Configuration changes of live resources between the two AWS inventories.</summary>
    public IReadOnlyList<ResourceChange> ResourceChanges { get; init; } = [];

    /// <summary>New and fixed findings per account, when the newer run covers accounts (an organisation merge or --aws scan); null otherwise.</summary>
    public IReadOnlyList<DriftAccount>? Accounts { get; init; }

    /// <summary>Why resource changes could not be compared (e.g. a run without an inventory); null when they were.</summary>
    public string? ResourceChangesNote { get; init; }

    /// <summary>"Readiness drift: 2 new, 1 fixed, NOT READY".</summary>
    public string Summary()
    {
        var parts = new List<string> { $"{New.Count} new", $"{Fixed.Count} fixed" };
        if (ExpiredSuppressions.Count > 0) parts.Add($"{ExpiredSuppressions.Count} expired suppression{(ExpiredSuppressions.Count == 1 ? "" : "s")}");
        if (ResourceChanges.Count > 0) parts.Add($"{ResourceChanges.Count} resource change{(ResourceChanges.Count == 1 ? "" : "s")}");
        return $"Readiness drift: {string.Join(", ", parts)}, {VerdictLabel(Verdict.Status)}";
    }

    public static string VerdictLabel(VerdictStatus status) => status switch
    {
        VerdictStatus.Ready => "READY",
        VerdictStatus.NotReady => "NOT READY",
        VerdictStatus.Incomplete => "INCOMPLETE",
        _ => "SCAN FAILED",
    };
}

/// <summary>One side of the comparison: where its results came from and what they said.</summary>
public sealed record DriftRun
{
    public required string Source { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? Target { get; init; }
    public VerdictStatus? Status { get; init; }
    public int Findings { get; init; }

    /// <summary>True when --allow-missing-from found no previous results (the first run: everything is new).</summary>
    public bool Missing { get; init; }
}

/// <summary>One account's part of the drift: its new and fixed findings, and how its newer scan went.</summary>
public sealed record DriftAccount(string Id, string? Name, AccountStatus Status, int New, int Fixed)
{
    public string Display() => Name is { Length: > 0 } name ? $"{Id} ({name})" : Id;
}

/// <summary>A finding that came back because its suppression expired; NewlyExpired when the older run still had it suppressed.</summary>
public sealed record ExpiredSuppression(ResultFinding Finding, bool NewlyExpired);

/// <summary>
/// A change to a live resource: "added" or "removed" (the whole resource), or "changed" with the attribute and its
/// values before and after (for list attributes such as ingress rules: the element that appeared or disappeared).
/// </summary>
public sealed record ResourceChange
{
    public required string Kind { get; init; }
    public required string Resource { get; init; }
    public required string Change { get; init; }
    public string? Attribute { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }

    public string Describe() => Change switch
    {
        "added" => $"{Kind} {Resource} was created.",
        "removed" => $"{Kind} {Resource} was deleted.",
        _ when Before is null => $"{Kind} {Resource}: {Attribute} gained {After}.",
        _ when After is null => $"{Kind} {Resource}: {Attribute} lost {Before}.",
        _ => $"{Kind} {Resource}: {Attribute} changed from {Before} to {After}.",
    };
}
