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
        if (suppressed > 0) output.WriteLine($"Suppressed {suppressed} accepted risks (listed in results.json and report.html).");
        foreach (var gap in result.Coverage.Gaps) output.WriteLine($"COULD NOT LOOK: {gap.Display()}");
        foreach (var error in result.EngineErrors) output.WriteLine($"ENGINE ERROR: rule {error.RuleId} on {error.Target}: {error.Message}");
        output.WriteLine(VerdictLine(result));
    }

    public static string VerdictLine(ScanResult result)
    {
        var failOn = result.FailOn.ToName();
        return result.Verdict.Status switch
        {
            VerdictStatus.Ready => $"READY: no finding at or above {failOn}.",
            VerdictStatus.NotReady => $"NOT READY: {result.Verdict.Blocking} finding{(result.Verdict.Blocking == 1 ? "" : "s")} at or above {failOn} block the launch.",
            VerdictStatus.Incomplete => $"INCOMPLETE: the scan could not look everywhere ({result.Coverage.Gaps.Count} coverage gap{(result.Coverage.Gaps.Count == 1 ? "" : "s")}); {result.Verdict.Blocking} blocking finding{(result.Verdict.Blocking == 1 ? "" : "s")} among what it saw. Fix access or pass --allow-incomplete.",
            _ => $"SCAN FAILED: {result.EngineErrors.Count} rule error{(result.EngineErrors.Count == 1 ? "" : "s")}; the result cannot be trusted.",
        };
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
