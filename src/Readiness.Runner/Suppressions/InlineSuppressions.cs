using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// A <c>readiness-ignore RDY1234: reason</c> comment in code. It silences the named rules on its own line and on the
/// line below it. Reason is null when the comment gave none (then it does not apply, and the scan warns).
/// </summary>
public sealed record InlineSuppression(string Path, int Line, IReadOnlyList<string> RuleIds, string? Reason)
{
    public string Source => $"{Path}:{Line}";

    public bool Covers(Finding finding) =>
        RuleIds.Contains(finding.RuleId)
        && finding.Location.File is { } file
        && file.Path == Path
        && (file.StartLine == Line || file.StartLine == Line + 1);

    public SuppressionInfo ToInfo() => new() { Kind = "inline", Reason = Reason ?? "", Source = Source };
}

/// <summary>
/// Finds inline suppression comments while the walker reads the tree (called concurrently). Only a marker that follows
/// a comment token on its line counts, so code or docs that merely mention the syntax are not taken for one.
/// </summary>
public sealed partial class InlineSuppressionScanner
{
    public const string Marker = "readiness-ignore";

    // Every file's whole text is searched: a single-string SearchValues anchors on the marker's rarest characters,
    // where string.Contains anchors on its first and last ("r", "e"), letters of most lines.
    private static readonly System.Buffers.SearchValues<string> MarkerSearch = System.Buffers.SearchValues.Create([Marker], StringComparison.Ordinal);

    private readonly ConcurrentBag<InlineSuppression> found = [];
    private readonly ConcurrentBag<(string Source, string Text)> malformed = [];

    public void Observe(SourceFile file)
    {
        if (!file.Text.AsSpan().ContainsAny(MarkerSearch)) return;
        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.Line(line);
            var at = text.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0 || !CommentBefore().IsMatch(text[..at])) continue;
            var match = Comment().Match(text[at..]);
            if (!match.Success)
            {
                malformed.Add(($"{file.Path}:{line}", text.Trim()));
                continue;
            }
            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : "";
            found.Add(new InlineSuppression(file.Path, line, ids, reason.Length == 0 ? null : reason));
        }
    }

    public IReadOnlyList<InlineSuppression> Found =>
        found.OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line).ToList();

    /// <summary>Comments that name the marker but not in the form "readiness-ignore RDY1234: reason".</summary>
    public IReadOnlyList<(string Source, string Text)> Malformed
    {
        get
        {
            // Array.Sort, not OrderBy, whose sorter over a value tuple is not in the precompiled image (issue 20).
            var sorted = malformed.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Source, b.Source) is var bySource and not 0 ? bySource : string.CompareOrdinal(a.Text, b.Text));
            return sorted;
        }
    }

    // #, //, /* or *, <!--, -- (SQL, Lua), ; (ini), REM: a comment has started before the marker.
    [GeneratedRegex(@"(#|//|/\*|^\s*\*|<!--|--|;|\bREM\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentBefore();

    // Ids are shipped (RDY1234) or a ruleset's own (ACME-001, with a '-', '_' or '.' between its parts).
    [GeneratedRegex(@"^readiness-ignore[ \t]+(?<ids>(?:RDY[0-9]{4}|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+)(?:[ \t]*,[ \t]*(?:RDY[0-9]{4}|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+))*)[ \t]*(?::(?<reason>.*?))?[ \t]*(?:\*/|-->)?[ \t]*$")]
    private static partial Regex Comment();
}
