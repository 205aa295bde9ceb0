using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>
/// The console view: findings grouped by severity with their locations and evidence, what could not be scanned,
/// then one verdict line. Plain text so CI logs and snapshots read the same everywhere.
/// </summary>
public static class ConsoleReporter
{
    public static void Write(ScanResult result, TextWriter output)
    {
        var active = result.Findings.Where(f => f.Suppression is null).ToList();
        foreach (var severity in Enum.GetValues<Severity>().OrderDescending())
        {
            var group = active.Where(f => f.Finding.Severity == severity).ToList();
            if (group.Count == 0) continue;
            output.WriteLine($"{severity.ToName().ToUpperInvariant()} ({group.Count})");
            foreach (var f in group)
            {
                var finding = f.Finding;
                var tag = finding.Undecided ? " [undecided]" : f.BaselineState == "new" ? " [new]" : "";
                output.WriteLine($"  {finding.RuleId}{tag}  {finding.Message}");
                output.WriteLine($"      at {finding.Location.Display()}");
                if (!string.IsNullOrWhiteSpace(finding.Snippet)) output.WriteLine($"      | {OneLine(finding.Snippet)}");
                if (f.ExpiredSuppression is { } expired)
                    output.WriteLine($"      ! suppression expired {expired.Expires:yyyy-MM-dd} (owner {expired.Owner ?? "unknown"}, {expired.Source})");
            }
            output.WriteLine();
        }

        if (result.HttpTargets is { Count: > 0 } httpTargets)
        {
            output.WriteLine("HTTP TARGETS (grade per MDN HTTP Observatory scoring)");
            foreach (var target in httpTargets)
            {
                output.WriteLine($"  {target.Display()}");
                foreach (var test in target.Tests.Where(t => t.Modifier != 0))
                    output.WriteLine($"      {test.Modifier,4:+0;-0}  {test.Description}");
            }
            output.WriteLine();
        }

        var suppressed = result.Findings.Count(f => f.Suppression is not null);
        var counts = result.Coverage.Counts;
        var looked = new List<string>();
        if (counts.TryGetValue("code.files", out var files)) looked.Add($"{files} files ({Size(counts.GetValueOrDefault("code.bytes"))})");
        if (counts.GetValueOrDefault("iac.resources") is > 0 and var iac) looked.Add($"{iac} IaC resources");
        if (counts.GetValueOrDefault("aws.resources") is > 0 and var aws) looked.Add($"{aws} live AWS resources");
        if (counts.TryGetValue("http.targets", out var targets)) looked.Add($"{targets} HTTP targets");
        output.WriteLine($"Scanned {(looked.Count == 0 ? "nothing" : string.Join(", ", looked))} with {result.Rules.Count} rules of ruleset {result.Ruleset}.");
        if (result.Coverage.Skipped.Count > 0) output.WriteLine($"Skipped {result.Coverage.Skipped.Count} files or items by policy (binary, too large, symbolic links); see the report's coverage section.");
        if (suppressed > 0) output.WriteLine($"Suppressed {English.Count(suppressed, "accepted risk")} (listed in results.json and report.html).");
        foreach (var gap in result.Coverage.Gaps) output.WriteLine($"COULD NOT LOOK: {gap.Display()}");
        foreach (var error in result.EngineErrors) output.WriteLine($"ENGINE ERROR: rule {error.RuleId} on {error.Target}: {error.Message}");
        output.WriteLine(VerdictLine(result));
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

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : line[..157] + "...";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
