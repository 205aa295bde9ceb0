using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Runner.Sources.Aws.Services;

namespace Readiness.Tests.Aws;

/// <summary>
/// Live values carry their origin: the resource's ARN and the API field each attribute was read from
/// (<c>LiveFields</c> of each service), shown in a finding's location as an IaC value shows file:line, and kept by the inventory.
/// </summary>
public sealed class LiveOriginTests(MotoCollectionTests.SeededMoto fixture) : IClassFixture<MotoCollectionTests.SeededMoto>
{
    private string Seeded(string name) => fixture.Seeded.GetProperty(name).GetString()!;

    [Fact]
    public async Task A_live_finding_names_the_api_field_its_value_was_read_from_and_the_inventory_keeps_it()
    {
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(fixture.Server.Endpoint), http).CollectAsync(CancellationToken.None);
        var bad = Seeded("badDbArn");

        var db = collection.Resources.OfType<DbInstance>().Single(d => d.Provenance.Arn == bad);
        db.PubliclyAccessible.Origin.ShouldBe(ValueOrigin.Live(bad, "DescribeDBInstances.DBInstances[].PubliclyAccessible"));
        var bucket = collection.Resources.OfType<S3Bucket>().Single(b => b.Id == "alva-uploads");
        bucket.Policy.Origin!.Field.ShouldBe("GetBucketPolicy.Policy");

        var publicDb = AwsTestSupport.Judge(collection.Resources).For(bad).Single(f => f.RuleId == "RDY2001");
        publicDb.Location.Field.ShouldBe("DescribeDBInstances.DBInstances[].PubliclyAccessible");
        publicDb.Location.Display().ShouldBe($"{bad} (DescribeDBInstances.DBInstances[].PubliclyAccessible)");

        // Read back from an inventory file, the finding points at the same field.
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        AwsTestSupport.Judge(read.Resources).For(bad).Single(f => f.RuleId == "RDY2001").Location.Field
            .ShouldBe("DescribeDBInstances.DBInstances[].PubliclyAccessible");
    }

    [Fact]
    public async Task Security_group_and_iam_findings_name_the_api_field_of_the_nested_value_they_judge()
    {
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(fixture.Server.Endpoint), http).CollectAsync(CancellationToken.None);
        var findings = AwsTestSupport.Judge(collection.Resources);

        var dev = collection.Resources.OfType<SecurityGroup>().Single(g => g.Id == Seeded("devSecurityGroup"));
        dev.Ingress.ShouldNotBeEmpty();
        dev.Ingress.ShouldAllBe(r => r.FromPort.Origin!.Field == "DescribeSecurityGroups.SecurityGroups[].IpPermissions[].FromPort");
        var ssh = findings.For(dev.Provenance.Arn!).First(f => f.RuleId == "RDY2101");
        ssh.Location.Field.ShouldBe("DescribeSecurityGroups.SecurityGroups[].IpPermissions[].IpRanges[].CidrIp");

        var admin = findings.For(Seeded("cicdUserArn")).Single(f => f.RuleId == "RDY2502");
        admin.Location.Field.ShouldBe("GetAccountAuthorizationDetails.UserDetailList[].AttachedManagedPolicies[].PolicyArn");
    }

    private static Provenance Live(string arn) => new() { Origin = Origin.AwsLive, Account = "111122223333", Region = "eu-west-2", Arn = arn };

    [Fact]
    public void Nested_live_values_are_stamped_per_element_listeners_and_ipv6_ranges_included()
    {
        const string lbArn = "arn:aws:elasticloadbalancing:eu-west-2:111122223333:loadbalancer/app/api/1";
        const string groupArn = "arn:aws:ec2:eu-west-2:111122223333:security-group/sg-1";
        var lb = new LoadBalancer
        {
            Id = "api",
            Listeners = [new Listener { Protocol = "HTTPS", Port = 443, SslPolicy = "ELBSecurityPolicy-2016-08" }],
            Provenance = Live(lbArn),
        };
        var group = new SecurityGroup
        {
            Id = "sg-1",
            Ingress = [new IngressRule { FromPort = 22, ToPort = 22, Sources = [Value<string>.Of("10.0.0.0/8"), Value<string>.Of("::/0")] }],
            Provenance = Live(groupArn),
        };
        var policy = new AccountPasswordPolicy { Id = "111122223333/password-policy", MinimumPasswordLength = 8, Provenance = Live("arn:aws:iam::111122223333:account-password-policy") };
        LiveOrigins.Stamp([lb, group, policy]);

        lb.Listeners.Single().SslPolicy.Origin.ShouldBe(ValueOrigin.Live(lbArn, "DescribeListeners.Listeners[].SslPolicy"));
        group.Ingress.Single().Sources.Select(s => s.Origin!.Field).ShouldBe([
            "DescribeSecurityGroups.SecurityGroups[].IpPermissions[].IpRanges[].CidrIp",
            "DescribeSecurityGroups.SecurityGroups[].IpPermissions[].Ipv6Ranges[].CidrIpv6"]);

        var findings = AwsTestSupport.Judge([lb, group, policy]);
        findings.For(lbArn).Single(f => f.RuleId == "RDY4001").Location.Display()
            .ShouldBe($"{lbArn} (DescribeListeners.Listeners[].SslPolicy)");
        findings.For(groupArn).Single(f => f.RuleId == "RDY2101").Location.Field
            .ShouldBe("DescribeSecurityGroups.SecurityGroups[].IpPermissions[].Ipv6Ranges[].CidrIpv6");
        var weak = findings.Where(f => f.RuleId == "RDY2507").ToList();
        weak.ShouldNotBeEmpty();
        weak.ShouldAllBe(f => f.Location.Field != null && f.Location.Field.StartsWith("GetAccountPasswordPolicy.PasswordPolicy.", StringComparison.Ordinal));
    }
}
