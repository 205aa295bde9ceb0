using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

/// <summary>Exclusions (--exclude, the ruleset's paths.exclude) and finding the project's .readiness/ from a subfolder.</summary>
public sealed class ProjectSettingsTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-project-");
    private static string Project => TestPaths.Fixture("Cli/project");

    public void Dispose() => output.Delete(recursive: true);

    private ScanResult Scan(out CliRunner.Outcome run, params string[] args)
    {
        run = CliRunner.Run(["scan", .. args, "--format", "json", "--output-dir", output.FullName]);
        return ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json")));
    }

    [Fact]
    public void Excluded_paths_are_not_scanned_and_are_listed_as_skipped_by_policy()
    {
        var result = Scan(out var run, Project, "--exclude", "vendor/");
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        result.Ruleset.ShouldBe("cli-fixture-project");
        result.Findings.Select(f => f.Finding.Location.File!.Path).Distinct().ShouldBe(["app/config/settings.py"]);
        var skipped = result.Coverage.Skipped.Where(s => s.Reason.StartsWith("excluded by policy", StringComparison.Ordinal)).Select(s => s.Scope).Order().ToList();
        skipped.ShouldBe(["legacy", "vendor"], "legacy/ by the ruleset's paths.exclude, vendor/ by --exclude");
    }

    [Fact]
    public void A_subfolder_scan_uses_the_nearest_parent_settings_and_says_which_file()
    {
        var result = Scan(out var run, Path.Combine(Project, "app"));
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        result.Ruleset.ShouldBe("cli-fixture-project");
        run.Stderr.ShouldContain($"readiness: using the project's settings from {Path.Combine(Project, ".readiness/ruleset.yaml")}.");
    }

    [Fact]
    public void A_bad_paths_section_names_file_and_line()
    {
        var run = CliRunner.Run("scan", Project, "--ruleset", TestPaths.Fixture("Rulesets/bad-paths.yaml"));
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("bad-paths.yaml:4: paths exclude must be a list of globs");
    }
}
