using Readiness.Rules.Model.Cloud;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// EC2: security group rules of groups the configuration does not declare (judged on their own, at the rule).
/// </summary>
public sealed class Ec2Tests
{
    [Theory]
    [InlineData("Terraform/ec2")]
    [InlineData("CloudFormation/ec2")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public void A_rule_of_an_undeclared_group_is_a_group_of_its_own_that_never_links_to_a_live_group()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/ec2");
        var groups = scan.Resources.OfType<SecurityGroup>().ToList();
        var orphan = groups.Single(g => g.Id == "aws_security_group_rule.ssh_to_existing");
        orphan.Provenance.Address.ShouldBe("aws_security_group_rule.ssh_to_existing");
        orphan.Ingress.ShouldHaveSingleItem().Address.ShouldBe("aws_security_group_rule.ssh_to_existing");
        groups.ShouldNotContain(g => g.Id == "aws_security_group_rule.egress_all");
        groups.ShouldNotContain(g => g.Id == "aws_security_group_rule.web_ssh");
        groups.Single(g => g.Id == "aws_security_group.web").Ingress.ShouldHaveSingleItem().Address.ShouldBe("aws_security_group_rule.web_ssh");
    }
}
