using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Load balancer controls (TLS policy, invalid headers, deletion protection, access logs): judged alike from Terraform,
/// CloudFormation and a live (moto) account, and recorded in the inventory.
/// </summary>
public sealed class Elbv2Tests
{
    private static readonly string[] BalancerRules = ["RDY4001", "RDY4002", "RDY4003", "RDY4004"];

    [Theory]
    [InlineData("Terraform/elbv2")]
    [InlineData("CloudFormation/elbv2")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task Live_load_balancers_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        // moto's credential report lists IAM users only; one user makes the emulated account look like a real one.
        await CallAsync(http, moto, "iam", [new("Action", "CreateUser"), new("Version", "2010-05-08"), new("UserName", "deploy")]);
        var vpc = Text(await CallAsync(http, moto, "ec2", [new("Action", "CreateVpc"), new("Version", "2016-11-15"), new("CidrBlock", "10.0.0.0/16")]), "vpcId");
        var subnets = new List<string>();
        foreach (var (cidr, zone) in new[] { ("10.0.1.0/24", "us-east-1a"), ("10.0.2.0/24", "us-east-1b") })
        {
            subnets.Add(Text(await CallAsync(http, moto, "ec2", [new("Action", "CreateSubnet"), new("Version", "2016-11-15"), new("VpcId", vpc),
                new("CidrBlock", cidr), new("AvailabilityZone", zone)]), "subnetId"));
        }

        var api = await CreateAsync(http, moto, "api-prod", subnets, null);
        var web = await CreateAsync(http, moto, "web-prod", subnets, "ELBSecurityPolicy-TLS13-1-2-2021-06");
        await CallAsync(http, moto, "elasticloadbalancing", [new("Action", "ModifyLoadBalancerAttributes"), new("Version", "2015-12-01"), new("LoadBalancerArn", web),
            new("Attributes.member.1.Key", "routing.http.drop_invalid_header_fields.enabled"), new("Attributes.member.1.Value", "true"),
            new("Attributes.member.2.Key", "deletion_protection.enabled"), new("Attributes.member.2.Value", "true"),
            new("Attributes.member.3.Key", "access_logs.s3.enabled"), new("Attributes.member.3.Value", "true"),
            new("Attributes.member.4.Key", "access_logs.s3.bucket"), new("Attributes.member.4.Value", "web-prod-lb-logs")]);

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Where(BalancerRules.Contains).Distinct().Order().ToArray();
        Rules(api).ShouldBe(BalancerRules);
        Rules(web).ShouldBeEmpty();
        // Neither has a web ACL in the emulated account.
        findings.For(api).Select(f => f.RuleId).ShouldContain("RDY4005");

        var snapshot = new AwsInventoryFile.Snapshot { Resources = collection.Resources };
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(snapshot), "memory");
        var hardened = read.Resources.OfType<LoadBalancer>().Single(b => b.Id == "web-prod");
        hardened.DropInvalidHeaderFields.ShouldBe(Value<bool>.Of(true));
        hardened.DeletionProtection.ShouldBe(Value<bool>.Of(true));
        hardened.AccessLogsEnabled.ShouldBe(Value<bool>.Of(true));
        hardened.Listeners.Single().SslPolicy.ShouldBe(Value<string?>.Of("ELBSecurityPolicy-TLS13-1-2-2021-06"));
        read.Resources.OfType<LoadBalancer>().Single(b => b.Id == "api-prod").DeletionProtection.ShouldBe(Value<bool>.Of(false));
    }

    /// <summary>An application load balancer with one HTTPS listener (the policy left to the API default when null); returns its ARN.</summary>
    private static async Task<string> CreateAsync(HttpClient http, MotoServer moto, string name, List<string> subnets, string? sslPolicy)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", "CreateLoadBalancer"), new("Version", "2015-12-01"), new("Name", name) };
        form.AddRange(subnets.Select((s, i) => new KeyValuePair<string, string>($"Subnets.member.{i + 1}", s)));
        var arn = Text(await CallAsync(http, moto, "elasticloadbalancing", form), "LoadBalancerArn");
        var listener = new List<KeyValuePair<string, string>>
        {
            new("Action", "CreateListener"), new("Version", "2015-12-01"), new("LoadBalancerArn", arn), new("Protocol", "HTTPS"), new("Port", "443"),
            new("Certificates.member.1.CertificateArn", "arn:aws:iam::123456789012:server-certificate/test-cert"),
            new("DefaultActions.member.1.Type", "fixed-response"), new("DefaultActions.member.1.FixedResponseConfig.StatusCode", "200"),
        };
        if (sslPolicy is not null) listener.Add(new("SslPolicy", sslPolicy));
        await CallAsync(http, moto, "elasticloadbalancing", listener);
        return arn;
    }

    private static string Text(XElement response, string name) => response.Descendants().First(e => e.Name.LocalName == name).Value;

    /// <summary>One Query API call; moto routes by the credential scope and does not check the signature.</summary>
    private static async Task<XElement> CallAsync(HttpClient http, MotoServer moto, string service, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return XElement.Parse(body);
    }
}
