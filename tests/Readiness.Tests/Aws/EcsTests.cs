using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// ECS task definitions and services: judged alike from Terraform (jsonencode, JSON heredocs), CloudFormation (CDK
/// output) and a live (moto) account, and recorded in the inventory without the environment's values.
/// </summary>
public sealed class EcsTests
{
    [Theory]
    [InlineData("Terraform/ecs")]
    [InlineData("CloudFormation/ecs")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    /// <summary>A value the secret detectors recognize in code is theirs to report at its line: one secret, one finding.</summary>
    [Fact]
    public void Secret_detectors_report_what_they_recognize_in_a_task_definition() =>
        FixtureVerifier.Verify("Terraform/ecs/main.tf", "RDY1001", "RDY1002", "RDY1003", "RDY1004", "RDY1005", "RDY1006").ShouldHaveSingleItem();
}
