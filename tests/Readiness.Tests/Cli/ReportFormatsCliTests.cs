using System.Text.Json;
using System.Xml.Linq;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

public sealed class ReportFormatsCliTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-formats-");
    private readonly DirectoryInfo projects = Directory.CreateTempSubdirectory("readiness-formats-app-");

    public void Dispose()
    {
        output.Delete(recursive: true);
        projects.Delete(recursive: true);
    }

    [Fact]
    public void Every_format_is_written_and_agrees_with_the_verdict()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "coco-testai"), "--format", "json,sarif,html,md,junit", "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("Reports written to " + output.FullName + ": results.json, results.sarif, report.html, summary.md, junit.xml.");

        File.ReadAllText(Path.Combine(output.FullName, "report.html")).ShouldContain("<div class=\"verdict-title\" data-verdict=\"notready\">NOT READY</div>");
        File.ReadAllText(Path.Combine(output.FullName, "summary.md")).ShouldStartWith("## ❌ Readiness: NOT READY");
        var junit = XDocument.Load(Path.Combine(output.FullName, "junit.xml"));
        int.Parse(junit.Root!.Attribute("failures")!.Value).ShouldBeGreaterThan(0);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "results.sarif")));
        var result = Readiness.Runner.Results.ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json")));
        var openCodeAndIac = result.Findings.Count(f => f.Suppression is null && f.Finding.Source is Readiness.Rules.Model.EvidenceSource.Code or Readiness.Rules.Model.EvidenceSource.Iac);
        openCodeAndIac.ShouldBeGreaterThan(0);
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBe(openCodeAndIac);
    }

    [Fact]
    public void Sarif_include_suppressed_keeps_accepted_risks_marked()
    {
        var app = DatedFixture.CopyToToday(TestPaths.Fixture("Workflows/accepted_app"), Path.Combine(projects.FullName, "app"));
        string[] Suppressions(params string[] extra)
        {
            var run = CliRunner.Run(["scan", app, "--format", "sarif", "--output-dir", output.FullName, .. extra]);
            run.ExitCode.ShouldBeOneOf(0, 1);
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "results.sarif")));
            return sarif.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray())
                .Where(r => r.TryGetProperty("suppressions", out _)).Select(r => r.GetProperty("ruleId").GetString()!).ToArray();
        }
        Suppressions().ShouldBeEmpty();
        Suppressions("--sarif-include-suppressed").ShouldNotBeEmpty();
    }
}
