using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

/// <summary>The console view people see first, pinned as a snapshot (READINESS_UPDATE_GOLDEN=1 rewrites it).</summary>
public sealed class ConsoleSnapshotTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-console-");

    public void Dispose() => output.Delete(recursive: true);

    [Fact]
    public void Not_ready_sample_console_output_matches_snapshot()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "coco-testai"), "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldBeEmpty();
        Golden.Verify("console/coco-testai.verified.txt", run.Stdout);
    }
}
