using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>IAM trust policies, GitHub Actions OIDC trusts and the one definition of "administrator", from Terraform and CloudFormation.</summary>
public sealed class IamTests
{
    [Theory]
    [InlineData("Terraform/iam")]
    [InlineData("CloudFormation/iam")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);
}
