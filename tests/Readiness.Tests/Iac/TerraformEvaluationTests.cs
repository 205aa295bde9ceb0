using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>Terraform as real modules write it: numbers, count / for_each instances, try(), data sources, files.</summary>
public class TerraformEvaluationTests
{
    private static readonly TerraformOptions FromFixtures = new() { Root = TestPaths.Fixtures };

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
}
