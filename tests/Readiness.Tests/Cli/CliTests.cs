using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-cli-");

    public void Dispose() => output.Delete(recursive: true);

    private static string Sample(string name) => Path.Combine(TestPaths.Samples, name);

    [Fact]
    public void Not_ready_sample_exits_1_and_names_the_checklist_items()
    {
        var run = CliRunner.Run("scan", Sample("coco-testai"), "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("RDY1101");
        run.Stdout.ShouldContain("RDY1102");
        run.Stdout.ShouldContain("RDY1103");
        run.Stdout.ShouldContain("at api/coco/settings/base.py:");
        run.Stdout.TrimEnd().Split('\n').Last().ShouldStartWith("NOT READY: ");
    }

    [Fact]
    public void Hardened_sample_exits_0()
    {
        var run = CliRunner.Run("scan", Sample("coco-testai-hardened"), "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        run.Stdout.TrimEnd().Split('\n').Last().ShouldStartWith("READY: ");
    }

    [Fact]
    public void Fail_on_none_never_blocks_and_fail_on_critical_ignores_high()
    {
        CliRunner.Run("scan", Sample("coco-testai"), "--fail-on", "none").ExitCode.ShouldBe(0);
        var critical = CliRunner.Run("scan", TestPaths.Fixture("Python/django_app/config"), "--fail-on", "critical");
        critical.ExitCode.ShouldBe(1);
        critical.Stdout.ShouldContain("NOT READY: 2 findings at or above critical");
    }

    [Fact]
    public void Broken_ruleset_exits_2_naming_file_and_line()
    {
        var run = CliRunner.Run("scan", Sample("coco-testai"), "--ruleset", TestPaths.Fixture("Rulesets/unknown-rule.yaml"));
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("unknown-rule.yaml:4: unknown rule id 'RDY1999'");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Bad_arguments_exit_2()
    {
        CliRunner.Run("scan", "--fail-on", "extreme").ExitCode.ShouldBe(2);
        CliRunner.Run("scan", "--no-such-option").ExitCode.ShouldBe(2);
        var format = CliRunner.Run("scan", Sample("coco-testai"), "--format", "pdf");
        format.ExitCode.ShouldBe(2);
        format.Stderr.ShouldContain("unknown format 'pdf'");
    }

    [Fact]
    public void Missing_folder_exits_2_before_scanning_even_with_allow_incomplete()
    {
        var missing = Path.Combine(output.FullName, "does-not-exist");
        foreach (var run in new[] { CliRunner.Run("scan", missing), CliRunner.Run("scan", missing, "--allow-incomplete") })
        {
            run.ExitCode.ShouldBe(2);
            run.Stderr.ShouldContain($"PATH '{missing}' does not exist");
            run.Stdout.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Writes_the_requested_reports()
    {
        var run = CliRunner.Run("scan", Sample("coco-testai"), "--format", "json,sarif", "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1);
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json")));
        result.Verdict.Status.ShouldBe(VerdictStatus.NotReady);
        result.Findings.Count(f => f.Finding.Source == Readiness.Rules.Model.EvidenceSource.Code).ShouldBe(12);
        result.Findings.ShouldContain(f => f.Finding.Source == Readiness.Rules.Model.EvidenceSource.Aws, "the sample's recorded AWS inventory is judged too");
        File.Exists(Path.Combine(output.FullName, "results.sarif")).ShouldBeTrue();
    }

    [Fact]
    public void Rules_lists_the_catalog_and_shows_one_rule()
    {
        var list = CliRunner.Run("rules");
        list.ExitCode.ShouldBe(0);
        list.Stdout.ShouldContain("RDY1101");
        list.Stdout.ShouldContain("CSEC-19");

        var show = CliRunner.Run("rules", "show", "RDY1103");
        show.ExitCode.ShouldBe(0);
        show.Stdout.ShouldContain("How to fix");
        show.Stdout.ShouldContain("CSEC-18");

        CliRunner.Run("rules", "show", "RDY0000").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Rules_as_json_is_machine_readable()
    {
        var run = CliRunner.Run("rules", "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldContain("RDY1102");
    }
}
