using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>Findings point where the value was set: a tfvars line, or each root's own module argument (Fixtures/Terraform/origins).</summary>
public sealed class ValueOriginTests : IDisposable
{
    private const string Folder = "Terraform/origins";
    private static readonly string VarFile = TestPaths.Fixture(Folder + "/production/production.tfvars");
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-origins-");

    public void Dispose() => output.Delete(recursive: true);

    private static TerraformOptions WithVarFile() => new() { Root = TestPaths.Fixtures, VarFiles = [VarFile] };

    [Fact]
    public void A_tfvars_false_is_reported_at_the_tfvars_line_and_each_example_root_at_its_own_argument()
    {
        var scan = IacFixtureVerifier.Verify(Folder, WithVarFile());
        var production = scan.Findings.Single(f => f.RuleId == "RDY2002" && f.Location.Resource!.Id == "orders-prod");
        production.Location.File!.Display().ShouldBe("Terraform/origins/production/production.tfvars:2");
        production.Location.Related.ShouldNotBeNull();
        production.Location.Related.Select(r => $"{r.File.Display()} {r.Message}").ShouldBe([
            "Terraform/origins/production/main.tf:12 Module argument that passes this value.",
            "Terraform/origins/modules/db/main.tf:10 Attribute that reads this value.",
        ]);
    }

    [Fact]
    public void Without_the_var_file_the_default_holds_and_the_production_database_passes()
    {
        var scan = IacFixtureVerifier.Scan(Folder);
        scan.Resources.OfType<DbInstance>().Single(d => d.Id == "orders-prod").DeletionProtection.ShouldBe(Value<bool>.Of(true));
        scan.Findings.ShouldNotContain(f => f.RuleId == "RDY2002" && f.Location.Resource!.Id == "orders-prod");
    }

    [Fact]
    public void Console_sarif_and_html_all_point_at_the_tfvars_line()
    {
        var run = CliRunner.Run("scan", TestPaths.Fixture(Folder), "--var-file", VarFile, "--format", "json,sarif,html", "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("production/production.tfvars:2");

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "results.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "RDY2002"
                && Uri(r.GetProperty("locations")[0]).EndsWith("production/production.tfvars", StringComparison.Ordinal));
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(2);
        var related = result.GetProperty("relatedLocations").EnumerateArray().ToList();
        related.Select(r => Uri(r).Split("/origins/")[^1]).ShouldBe(["production/main.tf", "modules/db/main.tf"]);
        related.Select(r => r.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()).ShouldBe([12, 10]);

        SarifValidator.Validate(Path.Combine(output.FullName, "results.sarif")).ShouldBeEmpty();

        File.ReadAllText(Path.Combine(output.FullName, "report.html")).ShouldContain("production/production.tfvars:2");
    }

    private static string Uri(JsonElement location) =>
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
}
