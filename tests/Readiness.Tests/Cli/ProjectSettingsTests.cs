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
        result.Findings.Where(f => f.Suppression is null).Select(f => f.Finding.Location.File!.Path).Distinct().ShouldBe(["app/config/settings.py"]);
        result.Findings.Where(f => f.Suppression is not null).Select(f => f.Finding.Location.File!.Path).Distinct().ShouldBe(["app/accepted/settings.py"]);
        var skipped = result.Coverage.Skipped.Where(s => s.Reason.StartsWith("excluded by policy", StringComparison.Ordinal)).Select(s => s.Scope).Order().ToList();
        skipped.ShouldBe(["app/generated", "legacy", "vendor"], "legacy/ and app/generated/ by the ruleset's paths.exclude, vendor/ by --exclude");
    }

    [Fact]
    public void A_subfolder_scan_matches_the_project_settings_globs_relative_to_the_project()
    {
        // app/generated/ (an anchored exclude) and app/accepted/*.py (a suppression) are written from the project root.
        var result = Scan(out var run, Path.Combine(Project, "app"));
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        result.Coverage.Skipped.Where(s => s.Reason.StartsWith("excluded by policy", StringComparison.Ordinal)).Select(s => s.Scope).ShouldBe(["generated"]);
        result.Findings.Single(f => f.Finding.Location.File!.Path == "accepted/settings.py").Suppression.ShouldNotBeNull().Owner.ShouldBe("platform-team");
        result.Findings.Single(f => f.Finding.Location.File!.Path == "config/settings.py").Suppression.ShouldBeNull();
        result.Warnings.ShouldNotContain(w => w.Kind == "unused-suppression");
    }

    [Fact]
    public void A_subfolder_scan_uses_the_nearest_parent_settings_and_says_which_file()
    {
        var result = Scan(out var run, Path.Combine(Project, "app"));
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        result.Ruleset.ShouldBe("cli-fixture-project");
        run.Stderr.ShouldContain($"readiness: using the project's settings from {Path.Combine(Project, ".readiness/ruleset.yaml")} and {Path.Combine(Project, ".readiness/suppressions")}.");
    }

    [Fact]
    public void A_bad_paths_section_names_file_and_line()
    {
        // An empty suppressions folder: the project's own suppression outlives the default 180-day cap of this ruleset.
        var run = CliRunner.Run("scan", Project, "--ruleset", TestPaths.Fixture("Rulesets/bad-paths.yaml"), "--suppressions", output.FullName);
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("bad-paths.yaml:4: paths exclude must be a list of globs");
    }
}
