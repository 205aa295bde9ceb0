using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Custom;

/// <summary>A key a structured file must not set: its dotted path, and the value that is forbidden (any value when null).</summary>
public sealed record ForbiddenKey(string Path, string? Value);

/// <summary>
/// A content rule a ruleset declares (custom.files): in files matching its globs (optionally only files that reach
/// production, by the one <see cref="FileKind"/> classifier), a regex that must not match or a key that must not be set.
/// A regex that runs past its time limit is a coverage gap, never a pass.
/// </summary>
public sealed partial class CustomFileRule : FileRule
{
    public CustomFileRule(RuleMetadata metadata, Func<string, bool> pathMatches, bool productionOnly, Regex? pattern, ForbiddenKey? forbiddenKey, string? message)
    {
        Metadata = metadata;
        this.pathMatches = pathMatches;
        ProductionOnly = productionOnly;
        Pattern = pattern;
        Forbidden = forbiddenKey;
        this.message = message;
    }

    private readonly Func<string, bool> pathMatches;
    private readonly string? message;

    public bool ProductionOnly { get; }
    public Regex? Pattern { get; }
    public ForbiddenKey? Forbidden { get; }

    public override bool AppliesTo(SourceFile file) =>
        pathMatches(file.Path) && (!ProductionOnly || FileKind.Of(file).ReachesProduction)
        && !file.HasNulNearStart;

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var findings = new List<Finding>();
        if (Pattern is not null)
        {
            try
            {
                for (var m = Pattern.Match(file.Text); m.Success; m = m.NextMatch())
                {
                    var line = file.LineOf(m.Index);
                    findings.Add(context.AtLine(file, line, Render(file, line, Excerpt(m.Value), null), column: file.ColumnOf(m.Index)));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                context.CouldNotLook(file, $"the regex of {Id} gave up after its time limit; the rest of the file was not judged");
            }
        }
        if (Forbidden is not null)
        {
            var (entries, problem) = StructuredKeys.Read(file);
            if (problem is not null) context.CouldNotLook(file, $"{Id} could not read the file's keys: {problem}");
            foreach (var entry in entries.Where(e => e.Path == Forbidden.Path && (Forbidden.Value is null || Same(e.Value, Forbidden.Value))))
                findings.Add(context.AtLine(file, entry.Line, Render(file, entry.Line, Excerpt(entry.Value ?? ""), entry.Path), fingerprintKey: "key:" + entry.Path));
        }
        return findings;
    }

    private static bool Same(string? value, string forbidden) =>
        value is not null && (bool.TryParse(value, out var a) && bool.TryParse(forbidden, out var b) ? a == b : value == forbidden);

    /// <summary>The finding's sentence: the ruleset's template ({path}, {line}, {match}, {key}) or one naming the file and the rule.</summary>
    private string Render(SourceFile file, int line, string match, string? key)
    {
        if (message is not null)
            return message.Replace("{path}", file.Path).Replace("{line}", line.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{match}", match).Replace("{key}", key ?? "");
        return key is null
            ? $"{file.Path} contains '{match}', which {Id} ({Metadata.Title}) forbids; change it before launch."
            : $"{file.Path} sets {key} to '{match}', which {Id} ({Metadata.Title}) forbids; change it before launch.";
    }

    private static string Excerpt(string text)
    {
        text = WhiteSpace().Replace(text, " ").Trim();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
