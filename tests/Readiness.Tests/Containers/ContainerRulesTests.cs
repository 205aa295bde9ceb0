using Readiness.Rules.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Containers;

public class ContainerRulesTests
{
    [Theory]
    [InlineData("Containers/dockerfiles/root-api")]
    [InlineData("Containers/dockerfiles/root-last")]
    [InlineData("Containers/compose/prod-stack")]
    [InlineData("Containers/compose/local-only")]
    [InlineData("Containers/compose/open-security-group")]
    public void Not_ready_fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder).Findings.ShouldNotBeEmpty();

    [Theory]
    [InlineData("Containers/dockerfiles/multistage-nonroot")]
    [InlineData("Containers/dockerfiles/ignored-context")]
    [InlineData("Containers/compose/hardened")]
    public void Hardened_fixture_reports_nothing(string folder) => IacFixtureVerifier.Verify(folder).Findings.ShouldBeEmpty();

    [Fact]
    public void Production_compose_findings_say_which_file_made_them_production()
    {
        var findings = IacFixtureVerifier.Verify("Containers/compose/prod-stack").Findings;
        var debug = findings.Single(f => f.RuleId == "RDY1623" && f.Message.Contains("DEBUG=True", StringComparison.Ordinal));
        debug.Severity.ShouldBe(Severity.High);
        debug.Message.ShouldEndWith("Judged as production: Containers/compose/prod-stack/docker-compose.prod.yml is named for production ('prod').");
        var port = findings.Single(f => f.RuleId == "RDY1620" && f.Location.File!.StartLine == 11);
        port.Message.ShouldStartWith("Service 'db' publishes its PostgreSQL port 5432 as host port 5434 on every interface of the host (\"5434:5432\")");
        port.Properties["production"].ShouldBe("true");
    }

    [Fact]
    public void A_published_data_port_its_security_group_opens_is_one_pair_linked_both_ways()
    {
        var pair = IacFixtureVerifier.Verify("Containers/compose/open-security-group").Findings.Where(f => f.RuleId == "RDY1626").ToList();
        pair.Count.ShouldBe(2);
        var compose = pair.Single(f => f.Location.File!.Path.EndsWith("docker-compose.prod.yml", StringComparison.Ordinal));
        var group = pair.Single(f => f.Location.File!.Path.EndsWith("network.tf", StringComparison.Ordinal));
        compose.Location.Related.ShouldNotBeNull().ShouldHaveSingleItem().File.ShouldBe(group.Location.File! with { EndLine = group.Location.File!.StartLine });
        group.Location.Related.ShouldNotBeNull().ShouldHaveSingleItem().File.StartLine.ShouldBe(compose.Location.File!.StartLine);
        compose.Message.ShouldContain("security group aws_security_group.app (cohuron-app-sg) opens port 9001 to the internet (Containers/compose/open-security-group/network.tf:25)");
        group.Message.ShouldContain("compose service 'minio' publishes its MinIO console on every interface (Containers/compose/open-security-group/docker-compose.prod.yml:8)");
    }

    [Fact]
    public void Local_only_files_are_reported_at_low_severity_and_say_why()
    {
        var findings = IacFixtureVerifier.Verify("Containers/compose/local-only").Findings;
        findings.ShouldAllBe(f => f.Severity == Severity.Low);
        findings.ShouldAllBe(f => f.Message.EndsWith("Reported at low severity: Containers/compose/local-only/docker-compose.dev.yml is named for local development ('dev').", StringComparison.Ordinal));
        var dockerfile = IacFixtureVerifier.Verify("Containers/dockerfiles/root-last").Findings.Where(f => f.Location.File!.Path.EndsWith("Dockerfile.dev", StringComparison.Ordinal)).ToList();
        dockerfile.Count.ShouldBe(2);
        dockerfile.ShouldAllBe(f => f.Severity == Severity.Low);
    }

    [Fact]
    public void Secret_findings_never_show_the_value()
    {
        var findings = IacFixtureVerifier.Verify("Containers/dockerfiles/root-api").Findings
            .Concat(IacFixtureVerifier.Verify("Containers/compose/prod-stack").Findings).ToList();
        findings.ShouldNotContain(f => f.Message.Contains("coco-db-2024") || (f.Snippet ?? "").Contains("coco-db-2024"));
        findings.ShouldNotContain(f => f.Message.Contains("minio123") || f.Message.Contains("cohuron-jwt-signing-key"));
        findings.ShouldNotContain(f => f.Message.Contains("change-me-in-production"));
        findings.Single(f => f.RuleId == "RDY1602").Snippet.ShouldBe("ARG DJANGO_SECRET_KEY=<redacted>");
    }

    [Fact]
    public void A_secret_the_secret_rules_report_is_not_reported_again_by_the_image_rule()
    {
        var secretRules = FixtureVerifier.Verify("Containers/dockerfiles/root-api/Dockerfile", "RDY1004");
        secretRules.ShouldHaveSingleItem().Location.File!.StartLine.ShouldBe(7);
        IacFixtureVerifier.Verify("Containers/dockerfiles/root-api").Findings.ShouldNotContain(f => f.Location.File!.StartLine == 7);
    }

    [Fact]
    public void Healthcheck_finding_names_the_compose_service_that_runs_the_image()
    {
        var finding = IacFixtureVerifier.Verify("Containers/dockerfiles/root-api").Findings.Single(f => f.RuleId == "RDY1610");
        finding.Message.ShouldContain("compose service 'api' in Containers/dockerfiles/root-api/docker-compose.yml");
    }
}
