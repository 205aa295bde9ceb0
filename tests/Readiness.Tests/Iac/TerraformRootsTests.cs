using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>Module libraries (examples/, wrappers/) and registry modules fetched by terraform init.</summary>
public class TerraformRootsTests
{
    private static readonly TerraformOptions FromFixtures = new() { Root = TestPaths.Fixtures };

    [Fact]
    public void Library_fixture_matches_annotations() => IacFixtureVerifier.Verify("Terraform/library", FromFixtures);

    [Fact]
    public void Wrappers_are_not_roots_and_example_roots_are_marked_on_resources_and_findings()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/library", FromFixtures);
        var dbs = scan.Resources.OfType<DbInstance>().OrderBy(d => d.Provenance.Root, StringComparer.Ordinal).ToList();
        dbs.Select(d => (d.Provenance.Root, d.Provenance.Address)).ShouldBe([
            ("Terraform/library/examples/complete", "module.db.aws_db_instance.this[0]"),
            ("Terraform/library/examples/private", "module.db.aws_db_instance.this[0]"),
        ]);
        dbs.ShouldAllBe(d => d.Provenance.IsExampleRoot);

        var finding = scan.Findings.Single(f => f.RuleId == "RDY2001");
        finding.IsExample().ShouldBeTrue();
        finding.Properties["example_root"].ShouldBe("Terraform/library/examples/complete");
        finding.Message.ShouldEndWith("Example: reached through the example root 'Terraform/library/examples/complete'.");
        finding.Location.File!.Path.ShouldBe("Terraform/library/main.tf");
    }

    [Fact]
    public void A_module_line_reached_from_two_example_roots_is_one_finding_per_root()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/library", FromFixtures);
        // The short backup default of the module is reached from both examples: two findings, one per root.
        var backups = scan.Findings.Where(f => f.RuleId == "RDY2004").ToList();
        backups.Select(f => f.Properties["example_root"]).Order(StringComparer.Ordinal)
            .ShouldBe(["Terraform/library/examples/complete", "Terraform/library/examples/private"]);
        backups.ShouldAllBe(f => f.Location.File!.Path == "Terraform/library/main.tf");
        backups.Select(f => f.Fingerprint).ShouldBeUnique();
    }

    [Fact]
    public void Registry_modules_fetched_by_init_are_read_and_others_listed_as_not_read()
    {
        var scan = IacFixtureVerifier.Verify("Terraform/registry", FromFixtures);
        var db = scan.Resources.OfType<DbInstance>().ShouldHaveSingleItem();
        db.Provenance.Address.ShouldBe("module.db.module.instance.aws_db_instance.this");
        db.Provenance.IsExampleRoot.ShouldBeFalse();
        var skip = scan.Coverage.Skipped.ShouldHaveSingleItem();
        skip.Scope.ShouldBe("Terraform/registry/main.tf:18");
        skip.Reason.ShouldContain("module.vpc");
        skip.Reason.ShouldContain("terraform init");
        scan.Coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Without_modules_json_each_registry_module_call_is_listed_as_not_read()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/registry"); // no root given: .terraform is not read from disk
        scan.Resources.OfType<DbInstance>().ShouldBeEmpty();
        scan.Coverage.Skipped.Select(s => s.Scope).ShouldBe(["Terraform/registry/main.tf:10", "Terraform/registry/main.tf:18"]);
        scan.Coverage.Gaps.ShouldBeEmpty();
    }
}
