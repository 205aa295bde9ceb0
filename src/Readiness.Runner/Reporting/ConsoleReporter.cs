using Readiness.Rules.Model;
using Readiness.Runner.Results;
using Spectre.Console;

namespace Readiness.Runner.Reporting;

/// <summary>
/// The console view: findings grouped by severity with their locations and evidence, what could not be scanned,
/// then one verdict line. Scanned text is escaped (ConsoleText), so it shows as text and never drives the terminal.
/// Colour (by severity, through Spectre.Console) and wrapping follow <see cref="ConsoleStyle"/>.
/// </summary>
public static class ConsoleReporter
{
    public static void Write(ScanResult result, TextWriter output) => Write(result, output, ConsoleStyle.Plain);

    public static void Write(ScanResult result, TextWriter output, ConsoleStyle style)
    {
        var console = new StyledLines(output, style);
        if (!style.Quiet) WriteFindings(result, console);
        foreach (var gap in result.Coverage.Gaps) console.Line("", [("COULD NOT LOOK: ", Warn), (ConsoleText.Escape(gap.Display()), null)]);
        foreach (var error in result.EngineErrors)
            console.Line("", [("ENGINE ERROR: ", Warn), (ConsoleText.Escape($"rule {error.RuleId} on {error.Target}: {error.Message}"), null)]);
        console.Line("", [(VerdictLine(result), VerdictStyle(result.Verdict.Status))]);
    }

    private static void WriteFindings(ScanResult result, StyledLines console)
    {
        var active = result.Findings.Where(f => f.Suppression is null).ToList();
        foreach (var severity in Enum.GetValues<Severity>().OrderDescending())
        {
            var group = active.Where(f => f.Finding.Severity == severity).ToList();
            if (group.Count == 0) continue;
            console.Line("", [($"{severity.ToName().ToUpperInvariant()} ({group.Count})", SeverityStyle(severity))]);
            foreach (var f in group)
            {
                var finding = f.Finding;
                var tag = finding.Undecided ? " [undecided]" : f.BaselineState == "new" ? " [new]" : "";
                console.Line("    ", [("  ", null), (finding.RuleId + tag, SeverityStyle(severity)), ("  " + ConsoleText.Escape(finding.Message), null)]);
                console.Line("        ", [("      at ", Dim), (ConsoleText.Escape(finding.Location.Display()), null)]);
                if (!string.IsNullOrWhiteSpace(finding.Snippet)) console.Line("        ", [("      | ", Dim), (OneLine(finding.Snippet), Dim)]);
                if (f.ExpiredSuppression is { } expired)
                    console.Line("        ", [(ConsoleText.Escape($"      ! suppression expired {expired.Expires:yyyy-MM-dd} (owner {expired.Owner ?? "unknown"}, {expired.Source})"), Warn)]);
            }
            console.Line("", []);
        }

        if (result.HttpTargets is { Count: > 0 } httpTargets)
        {
            console.Line("", [("HTTP TARGETS (grade per MDN HTTP Observatory scoring)", Bold)]);
            foreach (var target in httpTargets)
            {
                console.Line("    ", [("  " + ConsoleText.Escape(target.Display()), null)]);
                foreach (var test in target.Tests.Where(t => t.Modifier != 0))
                    console.Line("            ", [($"      {test.Modifier,4:+0;-0}  {ConsoleText.Escape(test.Description)}", null)]);
            }
            console.Line("", []);
        }

        var suppressed = result.Findings.Count(f => f.Suppression is not null);
        var counts = result.Coverage.Counts;
        var looked = new List<string>();
        if (counts.TryGetValue("code.files", out var files)) looked.Add($"{English.Count(files, "file")} ({Size(counts.GetValueOrDefault("code.bytes"))})");
        if (counts.GetValueOrDefault("iac.resources") is > 0 and var iac) looked.Add(English.Count(iac, "IaC resource"));
        if (counts.GetValueOrDefault("aws.resources") is > 0 and var aws) looked.Add(English.Count(aws, "live AWS resource"));
        if (counts.TryGetValue("http.targets", out var targets)) looked.Add(English.Count(targets, "HTTP target"));
        console.Line("", [($"Scanned {(looked.Count == 0 ? "nothing" : string.Join(", ", looked))} with {English.Count(result.Rules.Count, "rule")} of ruleset {ConsoleText.Escape(result.Ruleset)}.", null)]);
        if (result.Coverage.Skipped.Count > 0)
            console.Line("", [($"Skipped {English.Count(result.Coverage.Skipped.Count, "file or item", "files or items")} by policy (binary, too large, symbolic links, excluded); see the report's coverage section.", null)]);
        if (suppressed > 0) console.Line("", [($"Suppressed {English.Count(suppressed, "accepted risk")} (listed in results.json and report.html).", null)]);
    }

    /// <summary>The one-line answer, worded for every --fail-on value and count; every report shows this same line.</summary>
    public static string VerdictLine(ScanResult result)
    {
        var blocking = result.Verdict.Blocking;
        var kind = result.FailOnNew ? "new finding" : "finding";
        return result.Verdict.Status switch
        {
            VerdictStatus.Ready when result.FailOn is null => ReadyWithoutGate(result),
            VerdictStatus.Ready => $"READY: no {kind} at or above {result.FailOn!.Value.ToName()}.",
            VerdictStatus.NotReady => $"NOT READY: {English.Count(blocking, kind)} at or above {result.FailOn?.ToName()} {English.Verb(blocking, "blocks", "block")} the launch.",
            VerdictStatus.Incomplete => $"INCOMPLETE: the scan could not look everywhere ({English.Count(result.Coverage.Gaps.Count, "coverage gap")}); {English.Count(blocking, "blocking finding")} among what it saw. Fix access or pass --allow-incomplete.",
            _ => $"SCAN FAILED: {English.Count(result.EngineErrors.Count, "rule error")}; the result cannot be trusted.",
        };
    }

    // --fail-on none: the verdict must not read as if the findings were checked against a threshold.
    private static string ReadyWithoutGate(ScanResult result)
    {
        var open = result.Findings.Count(f => f.Suppression is null);
        return open == 0
            ? "READY: no findings (--fail-on none: nothing would block the launch)."
            : $"READY: --fail-on none, so nothing blocks the launch; {English.Count(open, "finding")} {English.Verb(open, "is", "are")} reported.";
    }

    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Warn = new(Color.Yellow, decoration: Decoration.Bold);

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.High => new Style(Color.Red),
        Severity.Medium => new Style(Color.Yellow),
        Severity.Low => new Style(Color.Blue),
        _ => Dim,
    };

    private static Style VerdictStyle(VerdictStatus status) => status switch
    {
        VerdictStatus.Ready => new Style(Color.Green, decoration: Decoration.Bold),
        VerdictStatus.NotReady => new Style(Color.Red, decoration: Decoration.Bold),
        _ => Warn,
    };

    private static string OneLine(string text)
    {
        var line = ConsoleText.Escape(text.ReplaceLineEndings(" ").Trim());
        return line.Length <= 160 ? line : line[..157] + "...";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    /// <summary>Lines of styled segments, wrapped on spaces at the style's width with a hanging indent, coloured through Spectre.Console.</summary>
    private sealed class StyledLines(TextWriter output, ConsoleStyle style)
    {
        private readonly IAnsiConsole? ansi = style.Color ? CreateAnsi(output) : null;

        private static IAnsiConsole CreateAnsi(TextWriter output)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            });
            // Lines arrive wrapped already; Spectre must not wrap them again.
            console.Profile.Width = 100_000;
            return console;
        }

        public void Line(string hangingIndent, IReadOnlyList<(string Text, Style? Style)> segments)
        {
            foreach (var line in Wrap(hangingIndent, segments))
            {
                foreach (var (text, segmentStyle) in line)
                {
                    if (ansi is not null && segmentStyle is not null) ansi.Write(new Text(text, segmentStyle));
                    else if (ansi is not null) ansi.Write(new Text(text));
                    else output.Write(text);
                }
                if (ansi is not null) ansi.WriteLine();
                else output.WriteLine();
            }
        }

        private List<List<(string, Style?)>> Wrap(string hangingIndent, IReadOnlyList<(string Text, Style? Style)> segments)
        {
            var lines = new List<List<(string, Style?)>> { new() };
            if (style.Width is not { } width)
            {
                lines[0].AddRange(segments);
                return lines;
            }
            var column = 0;
            foreach (var (text, segmentStyle) in segments)
            {
                // Split into words keeping their leading spaces, so indentation inside a segment survives.
                var start = 0;
                while (start < text.Length)
                {
                    var wordStart = start;
                    while (wordStart < text.Length && text[wordStart] == ' ') wordStart++;
                    var end = text.IndexOf(' ', wordStart);
                    if (end < 0) end = text.Length;
                    var piece = text[start..end];
                    var word = text[wordStart..end];
                    if (column > hangingIndent.Length && column + piece.Length > width && word.Length > 0)
                    {
                        lines.Add([(hangingIndent, null)]);
                        column = hangingIndent.Length;
                        piece = word;
                    }
                    // Words of one style stay one styled run, so a colour is set once per line, not per word.
                    if (lines[^1].Count > 0 && ReferenceEquals(lines[^1][^1].Item2, segmentStyle)) lines[^1][^1] = (lines[^1][^1].Item1 + piece, segmentStyle);
                    else lines[^1].Add((piece, segmentStyle));
                    column += piece.Length;
                    start = end;
                }
            }
            return lines;
        }
    }
}
