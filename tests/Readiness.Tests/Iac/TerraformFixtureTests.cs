using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

public class TerraformFixtureTests
{
    [Theory]
    [InlineData("Terraform/coco")]
    [InlineData("Terraform/cohuron")]
    [InlineData("Terraform/coco-hardened")]
    [InlineData("Terraform/plan")]
    [InlineData("Terraform/scoped")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public void Module_resources_get_module_addresses_and_attribute_lines()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/coco");
        var db = scan.Resources.OfType<DbInstance>().ShouldHaveSingleItem();
        db.Provenance.Address.ShouldBe("module.rds.aws_db_instance.postgres");
        db.Provenance.File.ShouldBe("Terraform/coco/modules/rds/main.tf");
        db.DeletionProtection.ShouldBe(Value<bool>.Of(false));
        db.DeletionProtection.Origin.ShouldNotBeNull();
        var finding = scan.Findings.Single(f => f.RuleId == "RDY2002");
        finding.Location.Resource!.Address.ShouldBe("module.rds.aws_db_instance.postgres");
        finding.Message.ShouldEndWith(".");
    }

    [Fact]
    public void A_var_file_chosen_on_the_command_line_is_honoured()
    {
        var options = new TerraformOptions
        {
            Root = TestPaths.Fixtures,
            VarFiles = ["Terraform/coco/environments/prod/terraform.tfvars"],
        };
        var scan = IacFixtureVerifier.Scan("Terraform/coco", options);
        var db = scan.Resources.OfType<DbInstance>().ShouldHaveSingleItem();
        db.Id.ShouldBe("coco-prod-postgres");
        db.DeletionProtection.ShouldBe(Value<bool>.Of(true));
        db.BackupRetentionPeriod.ShouldBe(Value<int>.Of(30));
        db.MultiAz.ShouldBe(Value<bool>.Of(true));
        var onDb = scan.Findings.Where(f => f.Location.Resource?.Address == "module.rds.aws_db_instance.postgres").Select(f => f.RuleId).Order().ToList();
        // Production now: unencrypted, and nothing alarms on its storage or CPU.
        onDb.ShouldBe(["RDY2003", "RDY4703", "RDY4704"]);
    }
}

public class TerraformBadInputTests
{
    [Fact]
    public void A_syntax_error_is_a_gap_with_line_and_column_and_other_files_are_still_checked()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/broken");
        var gap = scan.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("Terraform/broken/network.tf");
        gap.Line.ShouldBe(9);
        gap.Column.ShouldBe(3);
        gap.Reason.ShouldContain("expected ',' or ']'");
        gap.Source.ShouldBe(Readiness.Rules.Model.EvidenceSource.Iac);

        // main.tf still reports its finding, at its line; nothing after the error in network.tf is judged.
        var finding = scan.Findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RDY2001");
        finding.Location.File!.Path.ShouldBe("Terraform/broken/main.tf");
        finding.Location.File.StartLine.ShouldBe(15);
        scan.Resources.OfType<SecurityGroup>().ShouldBeEmpty();
    }
}
