using Readiness.Runner.Cli;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

/// <summary>Wrong arguments are named at once with exit 2, before any work; a crash is exit 2 with one line, never exit 1.</summary>
public sealed class ArgumentTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-args-");

    public void Dispose() => output.Delete(recursive: true);

    private static string Sample(string name) => Path.Combine(TestPaths.Samples, name);

    private static void ShouldFailNaming(CliRunner.Outcome run, string text)
    {
        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stderr.ShouldContain(text);
        run.Stdout.ShouldBeEmpty("nothing was scanned");
    }

    [Fact]
    public void A_mistyped_flag_is_named_itself_with_the_closest_option()
    {
        var run = CliRunner.Run("scan", "--allow-incomplet", Sample("coco-testai"));
        ShouldFailNaming(run, "unknown option '--allow-incomplet' for 'scan'; did you mean '--allow-incomplete'?");
        run.Stderr.ShouldNotContain("Unrecognized");
        ShouldFailNaming(CliRunner.Run("scan", "--formt", "json"), "unknown option '--formt' for 'scan'; did you mean '--format'?");
    }

    [Fact]
    public void Missing_input_files_are_named_before_scanning()
    {
        var missing = Path.Combine(output.FullName, "nope");
        ShouldFailNaming(CliRunner.Run("scan", Sample("coco-testai"), "--var-file", missing), $"--var-file '{missing}' does not exist.");
        ShouldFailNaming(CliRunner.Run("scan", Sample("coco-testai"), "--terraform-plan", missing), $"--terraform-plan '{missing}' does not exist.");
        ShouldFailNaming(CliRunner.Run("scan", Sample("coco-testai"), "--aws-inventory", missing, "--allow-incomplete"), $"--aws-inventory '{missing}' does not exist.");
        ShouldFailNaming(CliRunner.Run("scan", Sample("coco-testai"), "--suppressions", missing), $"--suppressions '{missing}' does not exist");
    }

    [Fact]
    public void Empty_regions_are_refused_for_scan_and_collect()
    {
        ShouldFailNaming(CliRunner.Run("scan", Sample("coco-testai"), "--aws", "--regions", ""), "--regions is empty");
        ShouldFailNaming(CliRunner.Run("collect", "aws", "-o", Path.Combine(output.FullName, "inv.json"), "--regions", " , "), "--regions is empty");
    }

    [Fact]
    public void Conflicting_options_are_refused()
    {
        ShouldFailNaming(CliRunner.Run("scan", Sample("coco-testai"), "--allow-missing-baseline"), "--allow-missing-baseline needs --baseline");
    }

    [Fact]
    public void A_file_as_path_scans_that_file_only()
    {
        var file = Path.Combine(Sample("coco-testai"), "api/coco/settings/base.py");
        var run = CliRunner.Run("scan", file, "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("RDY1105");
        run.Stdout.ShouldContain("at base.py:49");
        run.Stdout.ShouldContain("Scanned 1 file ");
        // The file's project settings (the sample's .readiness/ruleset.yaml, with its AWS inventory) still apply.
        run.Stderr.ShouldContain($"readiness: using the project's settings from {Path.Combine(Sample("coco-testai"), ".readiness/ruleset.yaml")}.");
        run.Stdout.ShouldContain("of ruleset coco-testai.");
    }

    [Fact]
    public void A_past_expiry_date_is_refused()
    {
        var run = CliRunner.Run("suppress", "RDY1101", "--match", "x.py", "--reason", "r", "--expires", "2020-01-01", "--path", output.FullName);
        ShouldFailNaming(run, "--expires 2020-01-01 is in the past");
        Directory.Exists(Path.Combine(output.FullName, ".readiness")).ShouldBeFalse();
    }

    [Fact]
    public void A_crash_in_any_command_is_exit_2_with_one_line()
    {
        var stderr = new StringWriter();
        var code = ReadinessCli.Run(["rules"], new FailingWriter(), stderr);
        code.ShouldBe(2);
        var lines = stderr.ToString().TrimEnd().Split('\n');
        lines.ShouldHaveSingleItem().ShouldStartWith("readiness: internal error (InvalidOperationException: the disk is on fire)");
        lines[0].ShouldNotContain(" at ");
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the disk\nis on fire");
        public override void Write(string? value) => throw new InvalidOperationException("the disk\nis on fire");
        public override void WriteLine(string? value) => throw new InvalidOperationException("the disk\nis on fire");
    }
}
