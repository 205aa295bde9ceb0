using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// EC2: EBS volumes, instance and launch template devices and metadata options, judged alike from Terraform,
/// CloudFormation and a live (moto) account; security group rules of groups the configuration does not declare
/// (judged on their own, at the rule).
/// </summary>
public sealed class Ec2Tests
{
    [Theory]
    [InlineData("Terraform/ec2")]
    [InlineData("CloudFormation/ec2")]
    [InlineData("Terraform/ebs-default")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task Live_volumes_and_instances_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        var seeded = await moto.SeedAsync(script: "seed_ebs.py");
        using var http = new HttpClient();

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("ec2");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string kind, string id) => findings.For($"arn:aws:ec2:us-east-1:123456789012:{kind}/{seeded.GetProperty(id).GetString()}")
            .Select(f => f.RuleId).Where(r => r.StartsWith("RDY44", StringComparison.Ordinal)).Distinct().Order().ToArray();
        Rules("volume", "plain_volume").ShouldBe(["RDY4401"]);
        Rules("volume", "encrypted_volume").ShouldBeEmpty();
        Rules("instance", "imdsv1_instance").ShouldBe(["RDY4403"]);
        Rules("instance", "imdsv2_instance").ShouldBeEmpty();

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        read.Resources.OfType<EbsVolume>().Single(v => v.Id == seeded.GetProperty("encrypted_volume").GetString()).Encrypted.ShouldBe(Value<bool>.Of(true));
        read.Resources.OfType<Ec2Instance>().Single(i => i.Id == seeded.GetProperty("imdsv2_instance").GetString()).HttpTokens.ShouldBe(Value<string?>.Of("required"));
    }

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
