using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Readiness.Rules.Engine;
using Readiness.Runner.Cli;
using Readiness.Runner.Configuration;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

/// <summary>The console as people see it: wrapped at the terminal width, coloured only on a terminal, scanned text inert.</summary>
public sealed class ConsoleOutputTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-console-out-");

    public void Dispose() => work.Delete(recursive: true);

    private static string Sample => Path.Combine(TestPaths.Samples, "coco-testai");

    private ScanResult ScanSample()
    {
        var options = new ScanOptions { Path = Sample, OutputDir = Path.Combine(work.FullName, "unused-output") };
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(null, options.Path);
        return new ScanPipeline(options, ruleset).RunAsync().GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Wraps_at_the_terminal_width_on_word_boundaries(int width)
    {
        var writer = new StringWriter();
        ConsoleReporter.Write(ScanSample(), writer, new ConsoleStyle { Width = width });
        var text = writer.ToString();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // Only a single word longer than the line (an ARN) may overflow.
        lines.Where(l => l.Length > width).ShouldAllBe(l => !l.Trim().Contains(' '));
        lines.ShouldContain(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Length > 4 && l[4] != ' ', "a wrapped message keeps a hanging indent");
        // Wrapping only moves words: joined back, the words are those of the unwrapped report.
        var plain = new StringWriter();
        ConsoleReporter.Write(ScanSample(), plain, ConsoleStyle.Plain);
        Words(text).ShouldBe(Words(plain.ToString()));
        Golden.Verify($"console/coco-testai.{width}.verified.txt", text);
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Colours_by_severity_only_when_asked_and_never_when_piped()
    {
        var result = ScanSample();
        var coloured = new StringWriter();
        ConsoleReporter.Write(result, coloured, new ConsoleStyle { Color = true });
        coloured.ToString().ShouldContain("\x1b[1;91mCRITICAL (7)");
        coloured.ToString().ShouldContain("\x1b[1;91mNOT READY: ");

        // A writer that is not this process's terminal gets no colour and no wrapping.
        var style = ConsoleStyle.For(new StringWriter());
        style.Color.ShouldBeFalse();
        style.Width.ShouldBeNull();
        var piped = ExternalProcess.Readiness(new Dictionary<string, string>(), "scan", Sample, "--output-dir", Path.Combine(work.FullName, "out"));
        piped.ExitCode.ShouldBe(1, piped.Stderr);
        piped.Stdout.ShouldNotContain("\x1b");
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public async Task On_a_terminal_colour_follows_NO_COLOR_and_no_color(bool noColorEnv, bool noColorFlag, bool expectColour)
    {
        // script(1) gives the process a pseudo-terminal, as a user's shell would.
        var dll = Path.Combine(AppContext.BaseDirectory, "readiness.dll");
        var command = $"dotnet '{dll}' scan '{Sample}' --output-dir '{Path.Combine(work.FullName, "tty")}'" + (noColorFlag ? " --no-color" : "");
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = "100";
        start.Environment["TERM"] = "xterm";
        if (noColorEnv) start.Environment["NO_COLOR"] = "1";
        else start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(ExternalProcess.ProcessDeadline);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(1, output);
        output.Contains("\x1b[1;91mCRITICAL").ShouldBe(expectColour, output[..Math.Min(400, output.Length)]);
        output.ShouldContain("NOT READY: ");
        output.Split('\n').Select(l => Visible(l)).ShouldAllBe(l => l.Length <= 100 || !l.Trim().Contains(' '), "wrapped at the terminal's 100 columns");
    }

    // What a terminal line shows: after the progress line is erased (ESC [K), without colour and mode codes.
    private static string Visible(string line) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(line, "^.*\x1b\\[K", ""), "\x1b\\[[0-9;?]*[A-Za-z]|\x1b=|\r", "");

    [Fact]
    public void Scanned_text_cannot_forge_lines_or_reach_the_terminal()
    {
        var hostile = Path.Combine(work.FullName, "a\nREADY: no finding at or above high.\n\x1b[2J\x1b]0;owned\x07\u202eevil");
        Directory.CreateDirectory(hostile);
        File.Copy(TestPaths.Fixture("Python/django_app/config/settings.py"), Path.Combine(hostile, "settings.py"));
        var output = Path.Combine(work.FullName, "out");
        var run = CliRunner.Run("scan", work.FullName, "--format", "md", "--output-dir", output);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.Split('\n').Count(l => l.StartsWith("READY", StringComparison.Ordinal) || l.StartsWith("NOT READY", StringComparison.Ordinal)).ShouldBe(1);
        run.Stdout.ShouldNotContain("\x1b");
        run.Stdout.ShouldNotContain("\u202e");
        run.Stdout.ShouldContain("a\\nREADY: no finding at or above high.\\n\\x1b[2J\\x1b]0;owned\\x07\\u202eevil/settings.py");
        var summary = File.ReadAllText(Path.Combine(output, "summary.md"));
        summary.ShouldNotContain("\x1b");
        summary.ShouldNotContain("\u202e");
    }

    [Fact]
    public void Stdout_carries_the_report_and_the_console_goes_to_stderr()
    {
        var run = CliRunner.Run("scan", Sample, "--stdout", "sarif", "--output-dir", Path.Combine(work.FullName, "out"));
        run.ExitCode.ShouldBe(1);
        using var sarif = System.Text.Json.JsonDocument.Parse(run.Stdout);
        sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBeGreaterThan(10);
        run.Stderr.ShouldContain("NOT READY: ");

        var json = CliRunner.Run("scan", Sample, "--stdout", "json", "--output-dir", Path.Combine(work.FullName, "out"));
        ResultsJson.Read(json.Stdout).Verdict.Status.ShouldBe(VerdictStatus.NotReady);
        CliRunner.Run("scan", Sample, "--stdout", "html").ExitCode.ShouldBe(2, "html is a file, not something to pipe");
    }

    [Fact]
    public void Quiet_prints_only_the_verdict_and_gaps()
    {
        var run = CliRunner.Run("scan", Sample, "--quiet", "--output-dir", Path.Combine(work.FullName, "out"));
        run.ExitCode.ShouldBe(1);
        run.Stdout.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldStartWith("NOT READY: 47 findings at or above high block the launch.");
    }

    [Fact]
    public void Progress_when_not_a_terminal_is_a_plain_line_now_and_then()
    {
        var stderr = new StringWriter();
        var clock = new FakeTimeProvider();
        using (var progress = new ScanProgress(stderr, terminal: false, interval: TimeSpan.FromSeconds(10), time: clock))
        {
            progress.Files(1234);
            progress.Stage("collecting aws");
            clock.Advance(TimeSpan.FromSeconds(9));
            stderr.ToString().ShouldBeEmpty("nothing before the first interval");
            clock.Advance(TimeSpan.FromSeconds(1));
            clock.Advance(TimeSpan.FromSeconds(10));
        }
        var lines = stderr.ToString().TrimEnd().Split('\n');
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe("readiness: still scanning (collecting aws): 1,234 files read, 10 s.");
        lines[1].ShouldBe("readiness: still scanning (collecting aws): 1,234 files read, 20 s.");
        stderr.ToString().ShouldNotContain("\r");
    }

    [Fact]
    public void Progress_while_collecting_counts_iac_resources_aws_services_and_http_targets()
    {
        var plain = new StringWriter();
        var counts = new Readiness.Runner.Sources.CollectionCounts(312, 48, 7, 1);
        var clock = new FakeTimeProvider();
        using (var progress = new ScanProgress(plain, terminal: false, interval: TimeSpan.FromSeconds(10), time: clock))
        {
            progress.Files(10);
            progress.Collecting("collecting terraform, aws", () => counts);
            clock.Advance(TimeSpan.FromSeconds(10));
        }
        plain.ToString().ShouldBe("readiness: still scanning (collecting terraform, aws): 10 files read, 312 IaC resources, 48 AWS resources from 7 services, 1 HTTP target, 10 s.\n");

        var terminal = new StringWriter();
        using (var progress = new ScanProgress(terminal, terminal: true))
        {
            progress.Files(1);
            progress.Collecting("collecting terraform", () => counts with { AwsResources = 0, HttpTargets = 0 });
            progress.Stage("judging 312 resources");
        }
        terminal.ToString().ShouldContain("\r\x1b[KCollecting terraform... (1 file read, 312 IaC resources)");
        terminal.ToString().ShouldContain("\r\x1b[KJudging 312 resources... (1 file read)");
    }

    [Fact]
    public void Quiet_scans_show_no_progress()
    {
        // --quiet prints only the verdict and gaps: no "still scanning" lines either.
        ScanProgress.ForConsole(Console.Error, quiet: true).ShouldBeNull();
        using var progress = ScanProgress.ForConsole(Console.Error, quiet: false);
        progress.ShouldNotBeNull();
    }

    [Fact]
    public void Progress_on_a_terminal_is_cut_to_one_row_of_its_width()
    {
        // 82 characters at 80 columns wrapped, and each redraw left the first row behind.
        var terminal = new StringWriter();
        using (var progress = new ScanProgress(terminal, terminal: true, width: 80))
        {
            progress.Files(7);
            progress.Collecting("collecting terraform, cloudformation, containers", () => new Readiness.Runner.Sources.CollectionCounts(1, 0, 0, 0));
        }
        var rows = terminal.ToString().Split("\r\x1b[K", StringSplitOptions.RemoveEmptyEntries);
        rows.ShouldContain("Reading files... 7");
        rows.ShouldContain("Collecting terraform, cloudformation, containers... (7 files read, 1 IaC res...");
        rows.ShouldAllBe(row => row.Length <= 79);
    }

    [Fact]
    public async Task The_pipeline_reports_what_its_sources_collected_while_they_run()
    {
        Func<Readiness.Runner.Sources.CollectionCounts>? counts = null;
        string? stage = null;
        var ruleset = new Readiness.Runner.Configuration.RulesetLoader(Readiness.Rules.Engine.RuleCatalog.Default).Load("launch-readiness", TestPaths.Repo);
        var result = await new Readiness.Runner.Scan.ScanPipeline(new Readiness.Runner.Scan.ScanOptions { Path = Sample, OutputDir = Path.Combine(work.FullName, "out"), AwsInventories = [Path.Combine(Sample, "aws", "inventory.json")] }, ruleset)
            .RunAsync(collecting: (what, c) => (stage, counts) = (what, c));

        stage.ShouldNotBeNull().ShouldStartWith("collecting ");
        var collected = counts.ShouldNotBeNull()();
        result.Verdict.ExitCode.ShouldBe(1);
        collected.IacResources.ShouldBe((int)result.Coverage.Counts["iac.resources"]);
        collected.IacResources.ShouldBeGreaterThan(30);
        collected.AwsResources.ShouldBe((int)result.Coverage.Counts["aws.resources"]);
        collected.AwsResources.ShouldBeGreaterThan(10);
        collected.AwsServices.ShouldBeGreaterThan(3);
        collected.HttpTargets.ShouldBe(0);
    }
}
