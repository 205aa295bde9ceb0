using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Drift of identity, keys, storage, user pools and database TLS (issue 15): Fixtures/Aws/drift/infra/main.tf is the
/// code, live.json the account it drifted from. Each live resource links to its definition (the KMS keys through the
/// Terraform state, the user pools by name, the rest by identifier), and every drift finding points at the annotated
/// line of the value the live account weakened; the steady twins report nothing.
/// </summary>
public sealed class LiveDriftTests
{
    private static readonly string[] DriftRules = ["RDY2990", "RDY2995", "RDY2996", "RDY2997", "RDY2998"];
    private const string Code = "Aws/drift/infra/main.tf";

    private static IReadOnlyList<CloudResource> Linked()
    {
        var code = IacFixtureVerifier.Scan("Aws/drift/infra");
        code.Coverage.Gaps.ShouldBeEmpty();
        var state = new TerraformStateIndex();
        var coverage = new Coverage();
        state.Add(new SourceFile("Aws/drift/infra/terraform.tfstate", File.ReadAllText(TestPaths.Fixture("Aws/drift/infra/terraform.tfstate"))), coverage);
        coverage.Gaps.ShouldBeEmpty();
        var live = AwsInventoryFile.Load(TestPaths.Fixture("Aws/drift/live.json")).Resources;
        List<CloudResource> all = [.. code.Resources, .. live];
        AwsLinker.Link(all, state);
        return all;
    }

    [Fact]
    public void Each_live_resource_links_to_its_definition()
    {
        var links = Linked().Where(r => r.Provenance.IsLive).ToDictionary(r => r.Provenance.Arn!, r => r.Definition?.Provenance.Address);
        links.ShouldBe(new Dictionary<string, string?>
        {
            ["arn:aws:iam::111111111111:role/deploy-prod"] = "aws_iam_role.deploy",
            ["arn:aws:iam::111111111111:role/reports-steady"] = "aws_iam_role.steady",
            // The code does not know a key's id: the state does.
            ["arn:aws:kms:eu-west-2:111111111111:key/1f0c6d5e-0000-4000-8000-0000000000a1"] = "aws_kms_key.orders",
            ["arn:aws:kms:eu-west-2:111111111111:key/1f0c6d5e-0000-4000-8000-0000000000a2"] = "aws_kms_key.steady",
            ["arn:aws:s3:::acme-prod-orders"] = "aws_s3_bucket.orders",
            ["arn:aws:s3:::acme-prod-steady"] = "aws_s3_bucket.steady",
            // A pool's id is AWS's: the name links it.
            ["arn:aws:cognito-idp:eu-west-2:111111111111:userpool/eu-west-2_Cust0mer1"] = "aws_cognito_user_pool.customers",
            ["arn:aws:cognito-idp:eu-west-2:111111111111:userpool/eu-west-2_Staff0001"] = "aws_cognito_user_pool.steady",
            ["arn:aws:rds:eu-west-2:111111111111:db:orders-prod"] = "aws_db_instance.orders",
            ["arn:aws:rds:eu-west-2:111111111111:cluster:ledger-prod"] = "aws_rds_cluster.ledger",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Each_weakening_is_reported_at_the_line_the_code_sets_and_the_steady_twins_report_nothing()
    {
        var findings = AwsTestSupport.Judge(Linked()).Where(f => DriftRules.Contains(f.RuleId)).ToList();
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));
        findings.ShouldAllBe(f => f.Location.Resource!.Arn != null && f.Location.File!.Path == Code, dump);
        findings.ShouldAllBe(f => f.Message.EndsWith('.') && f.Message.Contains("in the live account"), dump);

        var file = new SourceFile(Code, File.ReadAllText(TestPaths.Fixture(Code)));
        var expected = Annotations.FromComments(file).Where(e => DriftRules.Contains(e.RuleId)).ToList();
        expected.Count.ShouldBe(11);
        AnnotationCheck.Compare(expected, findings, f => f.Location.File!.StartLine, Code).ShouldBeEmpty(dump);

        findings.Where(f => f.RuleId == "RDY2997").Select(f => f.Location.Resource!.Arn).Distinct().ShouldBe(["arn:aws:s3:::acme-prod-orders"]);
        findings.Single(f => f.RuleId == "RDY2995").Message.ShouldContain("more repositories or branches");
        findings.Where(f => f.RuleId == "RDY2990").ShouldAllBe(f => f.Properties["attribute"] == "TlsRequired");
        findings.Single(f => f.RuleId == "RDY2990" && f.Location.Resource!.Id == "orders-prod").Message.ShouldStartWith("Database orders-prod accepts plaintext connections in the live account (its parameter group orders-prod-postgres16 leaves rds.force_ssl off)");
        findings.Single(f => f.RuleId == "RDY2990" && f.Location.Resource!.Id == "ledger-prod").Message.ShouldStartWith("Database ledger-prod accepts plaintext connections in the live account (its cluster parameter group ledger-prod-aurora-postgresql16 leaves rds.force_ssl off)");
    }

    [Fact]
    public void An_unlinked_live_resource_is_not_drift()
    {
        // The same live account without its code: the controls judge it, the drift rules have nothing to compare.
        var live = AwsInventoryFile.Load(TestPaths.Fixture("Aws/drift/live.json")).Resources;
        var findings = AwsTestSupport.Judge(live);
        findings.ShouldNotContain(f => DriftRules.Contains(f.RuleId));
        findings.ShouldContain(f => f.RuleId == "RDY2504" && f.Location.Resource!.Arn == "arn:aws:iam::111111111111:role/deploy-prod");
    }
}
