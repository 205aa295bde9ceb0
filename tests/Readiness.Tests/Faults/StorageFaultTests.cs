using Readiness.Runner.Storage;
using Readiness.Tests.Support;

namespace Readiness.Tests.Faults;

/// <summary>
/// Report storage under faults: an S3 endpoint that refuses connections is exit 2 with a one-line message for every
/// command that reads or writes S3, and two runs writing one output folder never mix their reports.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-storage-");
    private readonly ClosedPort closed = new();

    public void Dispose()
    {
        root.Delete(recursive: true);
        closed.Dispose();
    }

    private Dictionary<string, string> Unreachable() => new()
    {
        // Nothing listens on a port held closed for the test: every S3 call is refused.
        ["AWS_ENDPOINT_URL_S3"] = $"http://127.0.0.1:{closed.Port}",
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    [Theory]
    [InlineData("scan", "--baseline", "s3://reports/main/results.json")]
    [InlineData("scan", "--baseline", "s3://reports/main/results.json", "--allow-missing-baseline")]
    [InlineData("scan", "--output-dir", "s3://reports/nightly", "--format", "json")]
    [InlineData("drift", "--from", "s3://reports/d1", "--to", "s3://reports/d2")]
    public void An_unreachable_s3_endpoint_is_exit_2_with_a_clear_message(params string[] args)
    {
        string[] command = args[0] == "scan" ? ["scan", root.FullName, .. args[1..]] : args;
        var run = ExternalProcess.Readiness(Unreachable(), command);
        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stderr.ShouldContain("cannot reach S3");
        run.Stderr.ShouldContain("s3://reports/");
        run.Stderr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
    }

    [Fact]
    public async Task Two_writers_of_one_folder_never_mix_their_reports()
    {
        var output = Path.Combine(root.FullName, "out");
        var writers = Enumerable.Range(0, 6).Select(n => Task.Run(() => ReportStore.WriteFolder(output, dir =>
        {
            // Each writer's files carry its number; a slow write widens the window another writer could slip into.
            foreach (var name in new[] { "results.json", "summary.md", "junit.xml" })
            {
                File.WriteAllText(Path.Combine(dir, name), $"writer {n}\n");
                Thread.Sleep(30);
            }
        }))).ToArray();
        await Task.WhenAll(writers);

        var contents = new[] { "results.json", "summary.md", "junit.xml" }.Select(f => File.ReadAllText(Path.Combine(output, f))).Distinct().ToList();
        contents.ShouldHaveSingleItem("all three files come from the same writer");
        string.Join(",", Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)).ShouldBe("junit.xml,results.json,summary.md", "no temporary file or lock is left behind");
    }
}
