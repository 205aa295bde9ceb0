using System.Diagnostics;
using Readiness.Tests.Support;
using Xunit.Abstractions;

namespace Readiness.Tests.Workflows;

/// <summary>
/// The container image: multi-stage, non-root, the tool as entrypoint, /src as the scanned folder. Where a Docker
/// engine answers, the image is built and run on the samples; where none does, the test says so and checks the
/// Dockerfile's structure only (it never skips).
/// </summary>
public sealed class DockerfileTests(ITestOutputHelper output)
{
    private static readonly string DockerfilePath = Path.Combine(TestPaths.Repo, "Dockerfile");

    private static List<(string Instruction, string Arguments)> Instructions() =>
        File.ReadAllLines(DockerfilePath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l.Split(' ', 2)[0].ToUpperInvariant(), l.Split(' ', 2).ElementAtOrDefault(1) ?? "")).ToList();

    [Fact]
    public void The_image_is_multi_stage_non_root_with_the_tool_as_entrypoint_and_src_as_the_folder()
    {
        var all = Instructions();
        var stages = all.Count(i => i.Instruction == "FROM");
        stages.ShouldBeGreaterThanOrEqualTo(2, "the SDK stays in the build stage");
        all.First(i => i.Instruction == "FROM").Arguments.ShouldContain("dotnet/sdk");
        var final = all.Skip(all.FindLastIndex(i => i.Instruction == "FROM")).ToList();
        final[0].Arguments.ShouldContain("dotnet/runtime", customMessage: "the final image carries the runtime, not the SDK");
        final.ShouldContain(i => i.Instruction == "COPY" && i.Arguments.StartsWith("--from=build", StringComparison.Ordinal));
        var user = final.Last(i => i.Instruction == "USER").Arguments;
        user.ShouldNotBeOneOf("root", "0", "0:0");
        final.Last(i => i.Instruction == "WORKDIR").Arguments.ShouldBe("/src");
        final.Last(i => i.Instruction == "ENTRYPOINT").Arguments.ShouldBe("[\"dotnet\", \"/app/readiness.dll\"]");
        final.Last(i => i.Instruction == "CMD").Arguments.ShouldBe("[\"scan\", \"/src\"]");
        all.Single(i => i.Instruction == "RUN").Arguments.ShouldContain("src/Readiness.Runner/Readiness.Runner.csproj");
        File.ReadAllLines(Path.Combine(TestPaths.Repo, ".dockerignore")).ShouldContain(".build", "the local build output stays out of the context");

        if (!DockerAnswers())
        {
            output.WriteLine("No Docker engine answers here (docker info failed): the Dockerfile's structure was checked, the image was not built.");
            return;
        }
        Docker("build", "-t", "readiness-test", TestPaths.Repo).ExitCode.ShouldBe(0);
        var run = Docker("run", "--rm", "-v", $"{Path.Combine(TestPaths.Samples, "coco-testai")}:/src:ro", "readiness-test");
        run.ExitCode.ShouldBe(1, run.Stdout);
        run.Stdout.ShouldContain("NOT READY: ");
    }

    private static bool DockerAnswers()
    {
        try
        {
            return Docker("info").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static ExternalProcess.Outcome Docker(params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) process.Kill(entireProcessTree: true);
        return new ExternalProcess.Outcome(process.HasExited ? process.ExitCode : -1, stdout.Result, stderr.Result);
    }
}
