using System.Globalization;
using Readiness.Runner.Results;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// Applies accepted risks after the rules. A finding matched by a live suppression is silenced (it stays in the results
/// with who accepted it and why); one matched only by an expired suppression is back, carrying that suppression so the
/// report can name its owner. Suppressions that matched nothing, inline comments the policy forbids and malformed
/// inline comments become warnings, so stale or ignored exceptions surface instead of piling up.
/// </summary>
public sealed class Suppressor(IReadOnlyList<SuppressionEntry> entries, InlineSuppressionScanner inline, SuppressionPolicy policy, DateOnly today)
{
    public (IReadOnlyList<ResultFinding> Findings, IReadOnlyList<ScanWarning> Warnings) Apply(IReadOnlyList<ResultFinding> findings, IReadOnlySet<string> activeRules)
    {
        var used = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var inlineFound = inline.Found;
        var usableInline = policy.InlineAllowed ? inlineFound.Where(s => s.Reason is not null).ToList() : [];
        var result = new List<ResultFinding>(findings.Count);
        foreach (var item in findings)
        {
            var finding = item.Finding;
            var matching = entries.Where(e => e.Matches(finding)).ToList();
            var live = matching.FirstOrDefault(e => !e.IsExpired(today));
            var expired = matching.Where(e => e.IsExpired(today)).OrderByDescending(e => e.Expires).FirstOrDefault();
            var comment = usableInline.FirstOrDefault(s => s.Covers(finding));
            used.UnionWith(matching);
            if (comment is not null) used.Add(comment);

            var next = item;
            if (live is not null) next = next with { Suppression = live.ToInfo() };
            else if (comment is not null) next = next with { Suppression = comment.ToInfo() };
            if (next.Suppression is null && expired is not null) next = next with { ExpiredSuppression = expired.ToInfo() };
            result.Add(next);
        }

        var warnings = new List<ScanWarning>();
        foreach (var entry in entries.Where(e => !used.Contains(e)))
        {
            var why = !activeRules.Contains(entry.RuleId) ? $"rule {entry.RuleId} is not in this scan's ruleset" : "no finding matches it";
            var expiredNote = entry.IsExpired(today) ? $" (it also expired on {entry.Expires.ToString(SuppressionFiles.DateFormat, CultureInfo.InvariantCulture)})" : "";
            warnings.Add(new ScanWarning("unused-suppression", entry.Source,
                $"The suppression of {entry.RuleId} matching '{entry.Match}' was not used: {why}{expiredNote}; remove it if the risk is gone."));
        }
        foreach (var comment in inlineFound)
        {
            if (!policy.InlineAllowed)
                warnings.Add(new ScanWarning("inline-suppression-forbidden", comment.Source,
                    $"The inline suppression of {string.Join(", ", comment.RuleIds)} was ignored because the ruleset policy forbids inline suppressions{(policy.Source is null ? "" : $" ({policy.Source})")}; move it to .readiness/suppressions/{comment.RuleIds[0]}.yaml."));
            else if (comment.Reason is null)
                warnings.Add(new ScanWarning("inline-suppression-without-reason", comment.Source,
                    $"The inline suppression of {string.Join(", ", comment.RuleIds)} was ignored because it gives no reason; write 'readiness-ignore {comment.RuleIds[0]}: why this is acceptable'."));
            else if (!used.Contains(comment))
                warnings.Add(new ScanWarning("unused-suppression", comment.Source,
                    $"The inline suppression of {string.Join(", ", comment.RuleIds)} matched no finding on its line or the next; remove it if the risk is gone."));
        }
        foreach (var (source, text) in inline.Malformed)
            warnings.Add(new ScanWarning("inline-suppression-malformed", source,
                $"The comment '{Shorten(text)}' mentions {InlineSuppressionScanner.Marker} but is not of the form 'readiness-ignore RDY1234: reason', so it suppresses nothing."));
        return (result, warnings);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
