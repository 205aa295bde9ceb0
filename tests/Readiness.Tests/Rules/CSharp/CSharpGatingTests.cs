using Readiness.Rules.Catalog.CSharp;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.CSharp;

/// <summary>
/// The textual gate in front of Roslyn (RDY1201's AppliesTo): it must accept every file the rule reports on, and
/// reject the many C# files that only mention keys and tokens, which is where a C# repository's scan time went.
/// </summary>
public class CSharpGatingTests
{
    private static readonly FileRule HardcodedSecret = RuleCatalog.Default.Rules.OfType<FileRule>().Single(r => r.Id == "RDY1201");

    [Fact]
    public void Every_form_of_a_hardcoded_secret_passes_the_gate_and_is_found() =>
        FixtureVerifier.Verify("Stacks/CSharp/secret_forms/SecretForms.cs", "RDY1201").Count.ShouldBe(15);

    [Fact]
    public void Secret_names_in_capitals_or_short_forms_pass_the_gate_and_are_found() =>
        FixtureVerifier.Verify("Stacks/CSharp/secret_forms/UpperCaseNames.cs", "RDY1201").Count.ShouldBe(4);

    [Fact]
    public void Code_that_only_mentions_keys_and_tokens_is_not_parsed()
    {
        var file = Fixture("Stacks/CSharp/secret_forms/NoSecretLiterals.cs");
        CSharpFiles.IsApplicationCode(file, "Key", "oken").ShouldBeTrue();   // the keyword test alone would parse it
        HardcodedSecret.AppliesTo(file).ShouldBeFalse();
        CheckWithoutGate(file).ShouldBeEmpty();                           // and rightly: the rule finds nothing there
    }

    [Fact]
    public void The_gate_accepts_every_fixture_and_sample_file_the_rule_reports_on()
    {
        var files = TestPaths.FixtureAndSampleFiles("*.cs");
        var reported = files.Where(f => CheckWithoutGate(f).Count > 0).ToList();
        reported.Count.ShouldBeGreaterThanOrEqualTo(3);
        reported.Where(f => !HardcodedSecret.AppliesTo(f)).Select(f => f.Path).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("src/Api/Program.cs", true)]
    [InlineData("src/Api.Tests/Program.cs", false)]
    [InlineData("Tests/Program.cs", false)]
    [InlineData("src/test/Program.cs", false)]
    [InlineData("src/Api/Startup.Test/Program.cs", false)]
    [InlineData("src/Contest/Program.cs", true)]
    public void Test_projects_are_not_application_code(string path, bool expected) =>
        CSharpFiles.IsApplicationCode(new SourceFile(path, "app.UseHsts();"), "UseHsts").ShouldBe(expected);

    private static SourceFile Fixture(string relative) => new(relative, File.ReadAllText(TestPaths.Fixture(relative)));

    private static List<Finding> CheckWithoutGate(SourceFile file) =>
        HardcodedSecret.Check(file, new RuleContext(HardcodedSecret.Metadata, HardcodedSecret.Metadata.Severity)).ToList();
}
