using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

/// <summary>The Terraform options of `readiness scan`, end to end on the bundled sample.</summary>
public sealed class IacCliTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-iac-");
    private const string Database = "module.rds.aws_db_instance.postgres";

    public void Dispose() => output.Delete(recursive: true);

    private ScanResultView Scan(params string[] extra)
    {
        var run = CliRunner.Run(["scan", Path.Combine(TestPaths.Samples, "coco-testai"), "--format", "json", "--output-dir", output.FullName, .. extra]);
        run.ExitCode.ShouldBe(1, run.Stderr);
        return new ScanResultView(ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json"))));
    }

    private sealed record ScanResultView(ScanResult Result)
    {
        public List<string> RulesOn(string address) =>
            Result.Findings.Where(f => f.Finding.Location.Resource?.Address == address && f.Finding.Source == Readiness.Rules.Model.EvidenceSource.Iac).Select(f => f.Finding.RuleId).Order().ToList();
    }

    [Fact]
    public void Terraform_findings_point_at_the_module_file_and_a_var_file_changes_them()
    {
        var defaults = Scan();
        defaults.RulesOn(Database).ShouldBe(["RDY2002", "RDY2003", "RDY2004"]);
        var deletion = defaults.Result.Findings.Single(f => f.Finding.RuleId == "RDY2002" && f.Finding.Location.Resource?.Address == Database && f.Finding.Source == Readiness.Rules.Model.EvidenceSource.Iac).Finding;
        deletion.Location.File!.Path.ShouldEndWith("infrastructure/terraform/modules/rds/main.tf");
        deletion.Location.File.StartLine.ShouldBe(105);

        var prod = Scan("--var-file", Path.Combine(TestPaths.Samples, "coco-testai", "infrastructure", "terraform", "environments", "prod", "terraform.tfvars"));
        // Production now: unencrypted, and nothing alarms on its storage or CPU.
        prod.RulesOn(Database).ShouldBe(["RDY2003", "RDY4703", "RDY4704"]);
    }

    [Fact]
    public void A_missing_var_file_is_refused_before_scanning()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "coco-testai-hardened"), "--var-file", "does-not-exist.tfvars");
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("--var-file 'does-not-exist.tfvars' does not exist.");
        run.Stdout.ShouldBeEmpty();
    }
}
