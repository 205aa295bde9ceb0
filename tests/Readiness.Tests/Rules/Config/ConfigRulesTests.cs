using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.Config;

public class ConfigRulesTests
{
    private static readonly string[] Rules = ["RDY1401", "RDY1402"];

    [Theory]
    [InlineData("Stacks/Config/alva/.github/workflows/deploy-staging.yml")]
    [InlineData("Stacks/Config/cohuron/apps/api/.env.production")]
    [InlineData("Stacks/Config/cohuron/apps/api/.env")]
    public void Not_ready_fixture_matches_annotations(string fixture) => FixtureVerifier.Verify(fixture, Rules);

    [Theory]
    [InlineData("Stacks/Config/alva_hardened/.github/workflows/deploy-staging.yml")]
    [InlineData("Stacks/Config/alva/.github/workflows/broken.yml")]
    [InlineData("Stacks/Config/cohuron/apps/web/.env.production")]
    [InlineData("Stacks/Config/cohuron/apps/api/.env.example")]
    [InlineData("Stacks/Config/cohuron_hardened/apps/api/.env")]
    [InlineData("Stacks/Config/cohuron_hardened/apps/api/.env.production")]
    public void Clean_or_out_of_scope_fixture_reports_nothing(string fixture) => FixtureVerifier.Verify(fixture, Rules).ShouldBeEmpty();

    [Fact]
    public void Dotenv_finding_names_the_variables_but_never_their_values()
    {
        var finding = FixtureVerifier.Verify("Stacks/Config/cohuron/apps/api/.env.production", "RDY1402").ShouldHaveSingleItem();
        finding.Properties["variables"].ShouldBe("DATABASE_URL,JWT_SECRET,S3_ACCESS_KEY,S3_SECRET_KEY");
        finding.Message.ShouldNotContain("minio123");
        finding.Message.ShouldNotContain("app:app");
        finding.Snippet.ShouldBe("DATABASE_URL=<redacted>");
    }

    [Fact]
    public void Workflow_finding_says_where_and_how_to_move_to_oidc()
    {
        var findings = FixtureVerifier.Verify("Stacks/Config/alva/.github/workflows/deploy-staging.yml", "RDY1401");
        findings.Select(f => f.Message).ShouldContain(m => m.StartsWith("Step 'Configure AWS credentials' of job 'build-and-push' in workflow 'Deploy Staging'", StringComparison.Ordinal));
        findings.ShouldAllBe(f => f.Message.Contains("role-to-assume") && f.Message.Contains("id-token: write"));
        findings.Select(f => f.Fingerprint).Distinct().Count().ShouldBe(4);
    }
}
