using Readiness.Rules.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Containers;

public class ContainerRulesTests
{
    [Theory]
    [InlineData("Containers/dockerfiles/root-api")]
    [InlineData("Containers/dockerfiles/root-last")]
    [InlineData("Containers/dockerfiles/caches-sudo")]
    [InlineData("Containers/compose/prod-stack")]
    [InlineData("Containers/compose/local-only")]
    [InlineData("Containers/compose/open-security-group")]
    [InlineData("Containers/compose/env-include-profiles")]
    [InlineData("Containers/compose/build-target")]
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
    public void Env_files_included_files_and_development_profiles_are_read_as_docker_compose_runs_them()
    {
        var findings = IacFixtureVerifier.Verify("Containers/compose/env-include-profiles").Findings;
        var debug = findings.Single(f => f.RuleId == "RDY1623");
        debug.Location.File!.Path.ShouldBe("Containers/compose/env-include-profiles/deploy/api.env");
        debug.Severity.ShouldBe(Severity.High);
        findings.Single(f => f.RuleId == "RDY1620" && f.Location.File!.Path.EndsWith("compose.db.yaml", StringComparison.Ordinal)).Severity.ShouldBe(Severity.High);
        var mailhog = findings.Single(f => f.RuleId == "RDY1620" && f.Location.File!.Path.EndsWith("deploy/compose.yaml", StringComparison.Ordinal));
        mailhog.Severity.ShouldBe(Severity.Low);
        mailhog.Message.ShouldEndWith("Reported at low severity: service 'mailhog' only starts with --profile dev (Containers/compose/env-include-profiles/deploy/compose.yaml:18), a development profile.");
        findings.ShouldNotContain(f => f.RuleId == "RDY1623" && f.Message.Contains("mailhog", StringComparison.OrdinalIgnoreCase), "a dev-profile tool is not a production service");
    }

    [Fact]
    public void An_env_file_the_scan_did_not_keep_is_a_coverage_gap_not_a_pass()
    {
        var gap = IacFixtureVerifier.Scan("Containers/compose/env-file-oddly-named").Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("Containers/compose/env-file-oddly-named/app.settings");
        gap.Reason.ShouldContain("reads it with env_file, but its name does not look like an env file");
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

    [Fact]
    public void Healthcheck_finding_names_each_service_once_by_the_file_that_declares_it()
    {
        // The base file and its production override are two configurations of the same two services.
        var finding = IacFixtureVerifier.Verify("Containers/dockerfiles/healthcheck-override").Findings.Single(f => f.RuleId == "RDY1610");
        const string compose = "Containers/dockerfiles/healthcheck-override/docker-compose.yml";
        finding.Message.ShouldContain($"compose services 'web' in {compose} and 'worker' in {compose} run it without one");
        finding.Message.ShouldNotContain("docker-compose.prod.yml");
    }
}
