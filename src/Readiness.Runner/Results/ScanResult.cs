using System.Text.Json;
using System.Text.Json.Serialization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Runner.Results;

/// <summary>
/// The canonical outcome of a scan, written as results.json (schema in docs/results-schema.md). Every other format
/// renders from it, and baselines and drift read it back, so fields are only ever added.
/// </summary>
public sealed record ScanResult
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public ToolInfo Tool { get; init; } = ToolInfo.Current;
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The scanned folder as the user named it.</summary>
    public required string Target { get; init; }
    public required string Ruleset { get; init; }
    /// <summary>The lowest severity that blocks the launch; null for --fail-on none (written as "none").</summary>
    [JsonIgnore]
    public Severity? FailOn { get; init; } = Severity.High;

    /// <summary>
    /// FailOn as results.json has it: the severity's name, or "none" (what the user typed). A property rather than a
    /// converter on FailOn: a property's converter would keep ScanResult off the generated writer's fast path.
    /// </summary>
    [JsonInclude, JsonPropertyName("failOn")]
    internal string? FailOnName
    {
        get => FailOn is { } severity ? severity.ToName() : "none";
        init => FailOn = value is null or "none" ? null
            : Enum.TryParse<Severity>(value, ignoreCase: true, out var severity) ? severity
            : throw new JsonException($"failOn: unknown severity '{value}'.");
    }

    /// <summary>--fail-on-new: only findings new against the baseline block.</summary>
    public bool FailOnNew { get; init; }

    public required Verdict Verdict { get; init; }

    public IReadOnlyList<RuleSummary> Rules { get; init; } = [];
    public IReadOnlyList<ResultFinding> Findings { get; init; } = [];

    /// <summary>Findings of the baseline that this scan no longer has (set when --baseline is given).</summary>
    public IReadOnlyList<ResultFinding> Fixed { get; init; } = [];

    public CoverageReport Coverage { get; init; } = new();

    /// <summary>The live AWS accounts covered, one row each (a scan with --aws, or a merge of shards); null otherwise.</summary>
    public IReadOnlyList<AccountSummary>? Accounts { get; init; }
    public IReadOnlyList<EngineError> EngineErrors { get; init; } = [];

    /// <summary>Each live HTTP target with its grade; null when the scan had no HTTP targets.</summary>
    public IReadOnlyList<HttpTargetSummary>? HttpTargets { get; init; }

    /// <summary>What the user should fix but that does not fail the scan: unused suppressions, ignored inline suppressions.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>The previous results this scan was compared with (set when --baseline is given).</summary>
    public BaselineInfo? Baseline { get; init; }

    /// <summary>Findings that count toward the verdict: not suppressed, not undecided.</summary>
    public IEnumerable<ResultFinding> Active => Findings.Where(f => f.Suppression is null && !f.Finding.Undecided);
}

public sealed record ToolInfo(string Name, string Version)
{
    public static ToolInfo Current { get; } = new("readiness", typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}

/// <summary>The gate's answer. ExitCode is what the process returns: 0 ready, 1 not ready, 2 the scan failed or could not look.</summary>
public sealed record Verdict
{
    public required VerdictStatus Status { get; init; }
    public int ExitCode => Status switch { VerdictStatus.Ready => 0, VerdictStatus.NotReady => 1, _ => 2 };

    /// <summary>Findings at or above --fail-on that block the launch.</summary>
    public int Blocking { get; init; }

    /// <summary>Why the scan is incomplete or failed, one sentence each.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}

[JsonConverter(typeof(KebabCaseEnumConverter<VerdictStatus>))]
public enum VerdictStatus
{
    Ready,
    NotReady,
    Incomplete,
    Error,
}

/// <summary>A rule as evaluated in this scan (with its effective severity).</summary>
public sealed record RuleSummary
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? HelpUri { get; init; }

    public static RuleSummary From(ActiveRule active) => new()
    {
        Id = active.Rule.Id,
        Name = active.Rule.Metadata.Name,
        Title = active.Rule.Metadata.Title,
        Severity = active.Severity,
        Tags = active.Rule.Metadata.Tags,
        HelpUri = active.Rule.Metadata.HelpUri,
    };
}

/// <summary>A finding as reported: the rule's finding plus what was decided after the rules (suppression, baseline state).</summary>
public sealed record ResultFinding
{
    public required Finding Finding { get; init; }

    /// <summary>The accepted risk that silences this finding, when one applies and has not expired.</summary>
    public SuppressionInfo? Suppression { get; init; }

    /// <summary>A suppression that matched but has expired: the finding is back, and the report names its owner.</summary>
    public SuppressionInfo? ExpiredSuppression { get; init; }

    /// <summary>"new" or "unchanged" against --baseline; null without a baseline.</summary>
    public string? BaselineState { get; init; }

    /// <summary>Whether this finding blocks the launch, as ScanPipeline.Decide decided; reporters only show it.</summary>
    public bool Blocking { get; init; }
}

/// <summary>Who accepted a risk, why, and until when. Source is "file:line" of the suppression entry or inline comment.</summary>
public sealed record SuppressionInfo
{
    public required string Kind { get; init; }
    public required string Reason { get; init; }
    public string? Owner { get; init; }
    public DateOnly? Expires { get; init; }
    public string? Ticket { get; init; }
    public required string Source { get; init; }
}

/// <summary>A warning with where it comes from ("file:line") and a full sentence saying what to do.</summary>
public sealed record ScanWarning(string Kind, string Source, string Message);

/// <summary>Where the baseline came from and when it was taken; Missing when --allow-missing-baseline found none.</summary>
public sealed record BaselineInfo
{
    public required string Source { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public bool Missing { get; init; }
}

/// <summary>What was examined and what could not be, for the reader to tell "no findings" from "could not look".</summary>
public sealed record CoverageReport
{
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<CoverageGap> Gaps { get; init; } = [];
    public IReadOnlyList<CoverageSkip> Skipped { get; init; } = [];

    public static CoverageReport From(Coverage coverage) => new()
    {
        Counts = new SortedDictionary<string, long>(coverage.Counts.ToDictionary(), StringComparer.Ordinal),
        Gaps = Sorted(coverage.Gaps, (a, b) => Compare(a.Source, b.Source) ?? Compare(a.Scope, b.Scope) ?? Compare(a.Line, b.Line) ?? Compare(a.Column, b.Column) ?? string.CompareOrdinal(a.Reason, b.Reason)),
        Skipped = Sorted(coverage.Skipped, (a, b) => Compare(a.Source, b.Source) ?? Compare(a.Scope, b.Scope) ?? string.CompareOrdinal(a.Reason, b.Reason)),
    };

    // List.Sort with a comparison over a reference type runs precompiled code; LINQ's OrderBy over an enum key was
    // compiled at run time, unoptimised, for a standard library's 16,716 skipped files. Every field takes part, so
    // the unstable sort still gives one order (the walk's threads add entries in any order).
    private static List<T> Sorted<T>(IReadOnlyList<T> items, Comparison<T> comparison) where T : class
    {
        var list = items.ToList();
        list.Sort(comparison);
        return list;
    }

    private static int? Compare(EvidenceSource a, EvidenceSource b) => a == b ? null : ((int)a).CompareTo((int)b);

    private static int? Compare(int a, int b) => a == b ? null : a.CompareTo(b);

    private static int? Compare(string a, string b) => string.CompareOrdinal(a, b) is var c && c != 0 ? c : null;
}
