using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.Python;

public class PythonProductionSettingsTests
{
    private static readonly string[] Rules = ["RDY1101", "RDY1102", "RDY1103", "RDY1104", "RDY1105", "RDY1106", "RDY1107"];

    [Theory]
    [InlineData("Stacks/Python/coco_api/config/settings.py")]
    [InlineData("Stacks/Python/coco_api_split/config/settings/base.py")]
    [InlineData("Stacks/Python/coco_api_split/config/settings/production.py")]
    [InlineData("Stacks/Python/coco_api_split/config/settings/local.py")]
    [InlineData("Stacks/Python/flask_service/app.py")]
    [InlineData("Stacks/Python/fastapi_service/app/config.py")]
    public void Not_ready_fixture_matches_annotations(string fixture) => FixtureVerifier.Verify(fixture, Rules);

    [Theory]
    [InlineData("Stacks/Python/coco_api_hardened/config/settings.py")]
    [InlineData("Stacks/Python/flask_service_hardened/app.py")]
    [InlineData("Stacks/Python/fastapi_service_hardened/app/config.py")]
    public void Hardened_fixture_reports_nothing(string fixture) =>
        FixtureVerifier.Verify(fixture, Rules).ShouldBeEmpty();

    [Fact]
    public void Missing_deploy_settings_name_the_django_check()
    {
        var findings = FixtureVerifier.Verify("Stacks/Python/coco_api/config/settings.py", "RDY1104");
        findings.Select(f => f.Properties["djangoCheck"]).Order().ShouldBe(["security.W004", "security.W008", "security.W012", "security.W016"]);
        var hsts = findings.Single(f => f.Properties["setting"] == "SECURE_HSTS_SECONDS");
        hsts.Message.ShouldBe("SECURE_HSTS_SECONDS defaults to off in Stacks/Python/coco_api/config/settings.py when the environment variable SECURE_HSTS_SECONDS is unset, so browsers are never told to refuse plain HTTP for this site (no HSTS header) (Django security.W004); make the default 31536000.");
        findings.ShouldAllBe(f => f.Message.EndsWith('.'));
        findings.Select(f => f.Fingerprint).Distinct().Count().ShouldBe(4);
    }
}
