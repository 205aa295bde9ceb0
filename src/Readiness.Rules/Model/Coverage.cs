namespace Readiness.Rules.Model;

/// <summary>
/// What a scan looked at and what it could not. A gap means "could not look" (access denied, parse error, timeout):
/// it fails the scan closed unless the user allows an incomplete scan. A skip is a deliberate policy
/// (ignored path, binary, over the size limit) and is listed but does not fail anything.
/// </summary>
public sealed class Coverage
{
    private readonly object gate = new();
    private readonly List<CoverageGap> gaps = [];
    private readonly List<CoverageSkip> skipped = [];
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public IReadOnlyList<CoverageGap> Gaps { get { lock (gate) return gaps.ToList(); } }
    public IReadOnlyList<CoverageSkip> Skipped { get { lock (gate) return skipped.ToList(); } }

    /// <summary>Counters of what was examined, e.g. "code.files", "code.bytes", "iac.resources", "aws.resources", "http.targets".</summary>
    public IReadOnlyDictionary<string, long> Counts { get { lock (gate) return new Dictionary<string, long>(counts); } }

    public void AddGap(CoverageGap gap) { lock (gate) gaps.Add(gap); }
    public void AddSkip(CoverageSkip skip) { lock (gate) skipped.Add(skip); }
    public void Count(string key, long by = 1) { lock (gate) counts[key] = counts.GetValueOrDefault(key) + by; }

    public void MergeFrom(Coverage other)
    {
        foreach (var g in other.Gaps) AddGap(g);
        foreach (var s in other.Skipped) AddSkip(s);
        foreach (var (k, v) in other.Counts) Count(k, v);
    }
}

/// <summary>Something the scan could not look at. Scope names it: a file (with line and column), or service/region.</summary>
public sealed record CoverageGap(EvidenceSource Source, string Scope, string Reason)
{
    public int Line { get; init; }
    public int Column { get; init; }
    public string Display() => Line > 0 ? $"{Scope}:{Line}{(Column > 0 ? ":" + Column : "")}: {Reason}" : $"{Scope}: {Reason}";
}

/// <summary>Something deliberately not examined, and why.</summary>
public sealed record CoverageSkip(EvidenceSource Source, string Scope, string Reason);
