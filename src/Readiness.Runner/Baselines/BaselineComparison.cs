using Readiness.Runner.Results;

namespace Readiness.Runner.Baselines;

/// <summary>
/// Compares a scan with a previous one by fingerprint: every finding becomes "new" or "unchanged", and the previous
/// findings that are gone are listed as fixed. Fingerprints ignore line numbers, so moved code stays "unchanged".
/// </summary>
public static class BaselineComparison
{
    public const string New = "new";
    public const string Unchanged = "unchanged";

    /// <param name="previous">The baseline's results, or null when --allow-missing-baseline found none (then all is new).</param>
    public static ScanResult Apply(ScanResult current, ScanResult? previous, string source)
    {
        var before = (previous?.Findings ?? []).Select(f => f.Finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var now = current.Findings.Select(f => f.Finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return current with
        {
            Findings = current.Findings.Select(f => f with { BaselineState = before.Contains(f.Finding.Fingerprint) ? Unchanged : New }).ToList(),
            Fixed = (previous?.Findings ?? []).Where(f => !now.Contains(f.Finding.Fingerprint)).Select(f => f with { BaselineState = null }).ToList(),
            Baseline = new BaselineInfo { Source = source, StartedAt = previous?.StartedAt, Missing = previous is null },
        };
    }
}
