using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.CSharp;

public class AspNetRulesTests
{
    private static readonly string[] Rules = ["RDY1201", "RDY1202", "RDY1203", "RDY1204", "RDY1205", "RDY1210", "RDY1211"];

    [Theory]
    [InlineData("Stacks/CSharp/orders_api/Program.cs")]
    [InlineData("Stacks/CSharp/orders_api/Services/EmailSender.cs")]
    [InlineData("Stacks/CSharp/orders_api/appsettings.json")]
    [InlineData("Stacks/CSharp/orders_api/appsettings.Production.json")]
    [InlineData("Stacks/CSharp/orders_api/appsettings.Development.json")]
    [InlineData("Stacks/CSharp/legacy_api/Startup.cs")]
    public void Not_ready_fixture_matches_annotations(string fixture) => FixtureVerifier.Verify(fixture, Rules);

    [Theory]
    [InlineData("Stacks/CSharp/orders_api_hardened/Program.cs")]
    [InlineData("Stacks/CSharp/orders_api_hardened/Services/EmailSender.cs")]
    [InlineData("Stacks/CSharp/orders_api_hardened/appsettings.json")]
    public void Hardened_fixture_reports_nothing(string fixture) => FixtureVerifier.Verify(fixture, Rules).ShouldBeEmpty();

    [Fact]
    public void Hardcoded_secret_findings_never_carry_the_value()
    {
        var findings = FixtureVerifier.Verify("Stacks/CSharp/orders_api/Services/EmailSender.cs", "RDY1201");
        var smtp = findings.Single(f => f.Properties["target"] == "SmtpPassword");
        smtp.Message.ShouldBe("SmtpPassword in Stacks/CSharp/orders_api/Services/EmailSender.cs is given a hardcoded password (Sm****24); read it from configuration backed by user-secrets, environment variables or AWS Secrets Manager, and rotate the exposed value.");
        foreach (var f in findings)
        {
            f.Snippet!.ShouldNotContain("Sm7p-P4ss-2024");
            f.Snippet!.ShouldNotContain("hunter2-but-longer");
            f.Snippet!.ShouldNotContain("Adm1n!Passw0rd");
            f.FingerprintKey!.ShouldStartWith("hmac:");
        }
    }

    [Fact]
    public void Files_that_fail_the_keyword_prefilter_are_not_parsed()
    {
        var file = new Readiness.Rules.Model.SourceFile("src/Orders/Models/Order.cs", "namespace Orders; public record Order(int Id, decimal Total);");
        var rules = Readiness.Rules.Engine.RuleCatalog.Default.Rules.OfType<Readiness.Rules.Engine.FileRule>().Where(r => Rules.Contains(r.Id));
        rules.ShouldAllBe(r => !r.AppliesTo(file));
    }
}
