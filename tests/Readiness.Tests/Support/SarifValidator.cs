using System.Diagnostics;
using System.Text.Json;

namespace Readiness.Tests.Support;

/// <summary>
/// Runs the official SARIF validator (@microsoft/sarif-multitool, pinned and installed into .build/tools by
/// scripts/install-test-deps.sh) with GitHub's rules, and returns what it reported. Its exit code does not say whether
/// it found problems, so the findings are read from its own SARIF output.
/// </summary>
public static class SarifValidator
{
    public static string Executable => Path.Combine(TestPaths.Repo, ".build", "tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    public static IReadOnlyList<string> Validate(string sarifPath)
    {
        File.Exists(Executable).ShouldBeTrue($"the SARIF validator is not installed at {Executable}; run scripts/install-test-deps.sh");
        var output = Path.Combine(Path.GetDirectoryName(sarifPath)!, Path.GetFileNameWithoutExtension(sarifPath) + ".validation.sarif");
        // Called directly rather than through the npm bin shim, which passes arguments through a shell and splits "Sarif;Ghas".
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "validate", sarifPath, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning", "--output", output, "--log", "ForceOverwrite" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(ExternalProcess.ProcessDeadline).ShouldBeTrue("the SARIF validator did not finish: hung");
        File.Exists(output).ShouldBeTrue($"the validator wrote no output (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");

        using var log = JsonDocument.Parse(File.ReadAllText(output));
        var problems = new List<string>();
        foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("invocations", out var invocations))
            {
                foreach (var invocation in invocations.EnumerateArray())
                {
                    if (invocation.TryGetProperty("toolExecutionNotifications", out var notes))
                        problems.AddRange(notes.EnumerateArray().Where(n => n.TryGetProperty("level", out var l) && l.GetString() == "error").Select(n => "validator error: " + n.GetProperty("message").GetRawText()));
                }
            }
            if (!run.TryGetProperty("results", out var results)) continue;
            foreach (var result in results.EnumerateArray())
                problems.Add($"{result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetRawText()} at {(result.TryGetProperty("locations", out var loc) ? loc.GetRawText() : "")}");
        }
        return problems;
    }
}
