using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

public class CloudFormationFixtureTests
{
    [Theory]
    [InlineData("CloudFormation/edge-stack")]
    [InlineData("CloudFormation/cdk-alva")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);
}
