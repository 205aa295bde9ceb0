using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.Python;

public class DjangoSettingsRulesTests
{
    [Theory]
    [InlineData("Python/django_app/config/settings.py")]
    [InlineData("Python/django_app_hardened/config/settings.py")]
    [InlineData("Python/django_variants/settings/production.py")]
    [InlineData("Python/django_variants/settings/staging.py")]
    [InlineData("Python/django_variants/settings/local.py")]
    public void Fixture_matches_annotations(string fixture) =>
        FixtureVerifier.Verify(fixture, "RDY1101", "RDY1102", "RDY1103");

    [Fact]
    public void Secret_key_finding_never_carries_the_key()
    {
        var findings = FixtureVerifier.Verify("Python/django_app/config/settings.py", "RDY1103");
        var finding = findings.ShouldHaveSingleItem();
        finding.Snippet!.ShouldNotContain("9f#k2!x7@q1z$w8e^r4t6y0u3i5o");
        finding.Message.ShouldNotContain("9f#k2!x7");
        finding.Properties["secretHmac"].Length.ShouldBe(64);
        finding.Message.ShouldContain("SECRET_KEY falls back to a hardcoded value");
        finding.Message.ShouldEndWith(".");
    }
}
