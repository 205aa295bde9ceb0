using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>Terraform as real modules write it: numbers, count / for_each instances, try(), data sources, files.</summary>
public class TerraformEvaluationTests
{
    private static readonly TerraformOptions FromFixtures = new() { Root = TestPaths.Fixtures };

    [Fact]
    public void Security_group_rules_in_attribute_form_are_judged_like_blocks() => IacFixtureVerifier.Verify("Terraform/attribute-form");

    [Fact]
    public void Ipv6_any_is_recognised_in_every_textual_form() => IacFixtureVerifier.Verify("Terraform/ipv6");

    [Fact]
    public void Evaluation_fixture_matches_annotations() => IacFixtureVerifier.Verify("Terraform/evaluation", FromFixtures);

    [Fact]
    public void Count_and_for_each_instances_get_their_addresses_and_zero_instances_do_not_exist()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/evaluation", FromFixtures);
        var addresses = scan.Resources.OfType<DbInstance>().Select(d => d.Provenance.Address).Order(StringComparer.Ordinal).ToList();
        addresses.ShouldBe([
            "aws_db_instance.counted[0]",
            "aws_db_instance.from_file",
            "aws_db_instance.pair[0]",
            "aws_db_instance.pair[1]",
            "aws_db_instance.replica[\"archive\"]",
            "aws_db_instance.replica[\"reporting\"]",
            "aws_db_instance.tried",
            "module.db[\"primary\"].aws_db_instance.this",
            "module.db[\"standby\"].aws_db_instance.this",
        ]);
        scan.Resources.OfType<DbInstance>().Single(d => d.Provenance.Address == "aws_db_instance.pair[1]").Id.ShouldBe("pair-1");
        scan.Findings.Where(f => f.RuleId == "RDY2001" && !f.Undecided).Select(f => f.Location.Resource!.Address).Order(StringComparer.Ordinal)
            .ShouldBe([
                "aws_db_instance.counted[0]",
                "aws_db_instance.from_file",
                "aws_db_instance.pair[1]",
                "aws_db_instance.replica[\"reporting\"]",
                "module.db[\"primary\"].aws_db_instance.this",
            ]);
    }

    [Fact]
    public void Data_sources_are_lookups_never_declared_resources()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/evaluation", FromFixtures);
        scan.Resources.ShouldNotContain(r => r.Provenance.Address != null && r.Provenance.Address.StartsWith("data.", StringComparison.Ordinal));
        scan.Resources.OfType<S3Bucket>().ShouldBeEmpty();
        scan.Resources.OfType<Vpc>().ShouldBeEmpty();
    }

    [Fact]
    public void Data_sources_in_plan_json_are_not_declared_resources_either()
    {
        var scan = IacFixtureVerifier.Verify("Terraform/plan-data");
        scan.Resources.OfType<S3Bucket>().ShouldBeEmpty();
        scan.Resources.OfType<DbInstance>().ShouldHaveSingleItem().Provenance.Address.ShouldBe("aws_db_instance.orders");
    }
}

public class TerraformRootFailureTests
{
    [Fact]
    public void A_root_that_fails_to_evaluate_is_a_gap_for_that_root_alone_naming_file_line_and_block()
    {
        var files = Directory.EnumerateFiles(TestPaths.Fixture("Terraform/two-roots"), "*.tf", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new Readiness.Rules.Model.SourceFile(Path.GetRelativePath(TestPaths.Fixtures, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
        // An unreadable disk (a failing network mount, say) is the kind of failure no expression can cause.
        var failingDisk = new TfDisk(path => throw new IOException($"disk error reading {path}"), _ => []);

        var load = TerraformProject.Load(files, [], failingDisk);

        var gap = load.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("Terraform/two-roots/a/main.tf");
        gap.Line.ShouldBe(2);
        gap.Reason.ShouldContain("'Terraform/two-roots/a'");
        gap.Reason.ShouldContain("'module.network'");
        gap.Reason.ShouldContain("disk error");
        load.Roots.Single(r => r.Directory == "Terraform/two-roots/a").Resources.ShouldBeEmpty();
        load.Roots.Single(r => r.Directory == "Terraform/two-roots/b").Resources.Select(r => r.Address).ShouldBe(["aws_db_instance.b"]);
    }
}
