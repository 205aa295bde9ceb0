using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

public class CloudFormationFixtureTests
{
    [Theory]
    [InlineData("CloudFormation/edge-stack")]
    [InlineData("CloudFormation/cdk-alva")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);
}

public class CloudFormationBadInputTests
{
    [Fact]
    public void A_template_that_does_not_parse_is_a_gap_and_the_others_are_still_checked()
    {
        var scan = IacFixtureVerifier.Scan("CloudFormation/broken");
        var gap = scan.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("CloudFormation/broken/bad.yaml");
        gap.Line.ShouldBeGreaterThan(5);
        gap.Column.ShouldBeGreaterThan(0);
        gap.Reason.ShouldStartWith("CloudFormation template syntax error");
        var finding = scan.Findings.ShouldHaveSingleItem();
        (finding.RuleId, finding.Location.File!.Path, finding.Location.File.StartLine).ShouldBe(("RDY2401", "CloudFormation/broken/good.yaml", 3));
        scan.Coverage.Counts["iac.files"].ShouldBe(1);
    }
}
