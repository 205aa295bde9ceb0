using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>CloudFront origins (access control, origin protocol) and access logging from Terraform and CloudFormation.</summary>
public sealed class CloudFrontOriginTests
{
    [Theory]
    [InlineData("Terraform/cloudfront")]
    [InlineData("CloudFormation/cloudfront")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);
}
