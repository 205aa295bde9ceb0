using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Readiness.Rules.Languages;
using Readiness.Rules.Model;

namespace Readiness.Rules.Engine;

/// <summary>A rule selected by a ruleset, with its effective severity and parameter values.</summary>
public sealed record ActiveRule(Rule Rule, Severity Severity, IReadOnlyDictionary<string, object> Parameters)
{
    public static ActiveRule WithDefaults(Rule rule) => new(rule, rule.Metadata.Severity, new Dictionary<string, object>());
}

/// <summary>A rule that threw. The scan reports it and exits 2: a crashed rule is never a silent pass.</summary>
public sealed record EngineError(string RuleId, string Target, string Message);

/// <summary>
/// Runs the active rules. Files stream through <see cref="CheckFile"/> (called concurrently by the file walker),
/// the rest of the model goes through <see cref="CheckModel"/>, then <see cref="Complete"/> returns the findings
/// in a deterministic order with stable fingerprints.
/// </summary>
public sealed class RuleEngine
{
    // Arrays filled by loops, not LINQ over tuples: the framework's iterators over value tuples are not in the
    // precompiled image and were JIT-ed on every scan (issue 20).
    private readonly (FileRule Rule, ActiveRule Active)[] fileRules;
    private readonly (IModelRule Rule, ActiveRule Active)[] modelRules;
    private readonly ConcurrentBag<Finding> findings = [];
    private readonly ConcurrentBag<EngineError> errors = [];
    private readonly ConcurrentDictionary<CoverageGap, bool> gaps = new();
    private readonly DateTimeOffset now;
    private readonly Secrets.DetectorSet secretDetectors;

    public RuleEngine(IEnumerable<ActiveRule> rules, DateTimeOffset? now = null)
    {
        var list = rules.ToList();
        // A ruleset's own secret detectors join the one shared scan, so a secret is still one finding.
        var custom = list.Select(a => a.Rule).OfType<Custom.CustomSecretRule>().Select(r => r.Detector).ToList();
        secretDetectors = custom.Count == 0 ? Secrets.DetectorSet.Shipped : new Secrets.DetectorSet(custom);
        var file = new List<(FileRule, ActiveRule)>(list.Count);
        var model = new List<(IModelRule, ActiveRule)>(list.Count);
        foreach (var active in list)
        {
            if (active.Rule is FileRule fileRule) file.Add((fileRule, active));
            if (active.Rule is IModelRule modelRule) model.Add((modelRule, active));
        }
        fileRules = file.ToArray();
        modelRules = model.ToArray();
        this.now = now ?? DateTimeOffset.UtcNow;
    }

    /// <summary>True when at least one active rule reads source files (so the walker has work to do).</summary>
    public bool HasFileRules => fileRules.Length > 0;

    public void CheckFile(SourceFile file)
    {
        foreach (var (rule, active) in fileRules)
        {
            try
            {
                if (!rule.AppliesTo(file)) continue;
                var context = new RuleContext(rule.Metadata, active.Severity, active.Parameters, now: now, onGap: gap => gaps.TryAdd(gap, true))
                {
                    SecretDetectors = secretDetectors,
                };
                foreach (var finding in rule.Check(file, context)) findings.Add(Effective(finding, active));
            }
            catch (NestingTooDeepException ex)
            {
                TooDeep(file.Path, ex.Line, ex.Message);
            }
            catch (InsufficientExecutionStackException)
            {
                TooDeep(file.Path, null, "nested too deep for the rules to follow; the file was not checked");
            }
            catch (Exception ex)
            {
                errors.Add(new EngineError(rule.Id, file.Path, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
    }


    private readonly ConcurrentDictionary<string, CoverageGap> tooDeep = new(StringComparer.Ordinal);

    private void TooDeep(string path, int? line, string reason) =>
        tooDeep.TryAdd(path, new CoverageGap(EvidenceSource.Code, path, reason) { Line = line ?? 0 });

    public void CheckModel(Evidence evidence)
    {
        Parallel.ForEach(modelRules, pair =>
        {
            var (rule, active) = pair;
            try
            {
                var context = new RuleContext(active.Rule.Metadata, active.Severity, active.Parameters, evidence, now);
                // Materialize inside the try so an exception thrown lazily by the rule is caught here.
                foreach (var finding in rule.Check(evidence, context).ToList()) findings.Add(Effective(finding, active));
            }
            catch (Exception ex)
            {
                errors.Add(new EngineError(active.Rule.Id, "model", $"{ex.GetType().Name}: {ex.Message}"));
            }
        });
    }

    /// <summary>What file rules could not look at (regex time limits, cut-off scans, nesting too deep), one per file and reason, in order.</summary>
    public IReadOnlyList<CoverageGap> Gaps => gaps.Keys.Concat(tooDeep.Values).OrderBy(g => g.Scope, StringComparer.Ordinal).ThenBy(g => g.Line).ThenBy(g => g.Reason, StringComparer.Ordinal).ToList();

    public (IReadOnlyList<Finding> Findings, IReadOnlyList<EngineError> Errors) Complete()
    {
        // Sorted with one comparison over keys computed once, not OrderBy/ThenBy: LINQ's sorters for the int keys
        // are not in the precompiled image and were JIT-ed on every scan (issue 20).
        var keyed = findings.Select(f => new SortKey(f, LocationKey(f.Location))).ToArray();
        Array.Sort(keyed, SortKey.Compare);
        var ordered = new List<Finding>(keyed.Length);
        foreach (var key in keyed) ordered.Add(key.Finding);
        return (Fingerprints.Assign(ordered), errors.OrderBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).ToList());
    }

    // An undecided finding is information, not a verdict; otherwise the ruleset's severity applies, unless the rule
    // chose a severity for this finding itself (a per-detector or per-port severity) and the ruleset did not override it.
    private static Finding Effective(Finding finding, ActiveRule active)
    {
        if (finding.Undecided) return finding with { Severity = Severity.Info };
        var overridden = active.Severity != active.Rule.Metadata.Severity;
        return overridden ? finding with { Severity = active.Severity } : finding;
    }

    /// <summary>A finding and its location's key, in the order findings are reported (and fingerprinted).</summary>
    private sealed record SortKey(Finding Finding, string Location)
    {
        public static int Compare(SortKey x, SortKey y)
        {
            var (a, b) = (x.Finding, y.Finding);
            var c = string.CompareOrdinal(a.RuleId, b.RuleId);
            if (c == 0) c = string.CompareOrdinal(x.Location, y.Location);
            if (c == 0) c = (a.Location.File?.StartLine ?? 0).CompareTo(b.Location.File?.StartLine ?? 0);
            if (c == 0) c = (a.Location.File?.StartColumn ?? 0).CompareTo(b.Location.File?.StartColumn ?? 0);
            if (c == 0) c = string.CompareOrdinal(a.FingerprintKey, b.FingerprintKey);
            if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
            return c;
        }
    }

    internal static string LocationKey(Location location) =>
        location.File?.Path ?? location.Resource?.Arn ?? location.Resource?.Address ?? location.Resource?.SyntheticPath() ?? location.Endpoint ?? "";
}

/// <summary>
/// Stable fingerprints: a hash of the rule, the file/resource/endpoint and the finding's key (line text, secret hash,
/// attribute), not its line number, so moving code does not change it. Identical keys get an occurrence suffix.
/// </summary>
public static class Fingerprints
{
    public static IReadOnlyList<Finding> Assign(IReadOnlyList<Finding> ordered)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Finding>(ordered.Count);
        foreach (var f in ordered)
        {
            var identity = string.Join('\n', f.RuleId, LocationIdentity(f.Location), f.FingerprintKey ?? "");
            var occurrence = seen[identity] = seen.GetValueOrDefault(identity) + 1;
            var hash = Hash(occurrence == 1 ? identity : identity + "\n#" + occurrence);
            result.Add(f with { Fingerprint = hash });
        }
        return result;
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    // A live resource is identified by its ARN even when linked to a file, so drift between nightly runs stays matched.
    // An IaC resource is identified by its file and address (the same address can exist in two root modules).
    private static string LocationIdentity(Location location) =>
        location.Resource?.Arn
        ?? string.Join('|', location.File?.Path, location.Resource?.Address ?? location.Resource?.SyntheticPath(), location.Endpoint);
}
