using System.Xml.Linq;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Load balancer controls (plain HTTP, TLS policy, no TLS listener, invalid headers, deletion protection, access logs),
/// on v2 and classic load balancers: judged alike from Terraform, CloudFormation and a live (moto) account, and
/// recorded in the inventory.
/// </summary>
public sealed class Elbv2Tests
{
    private static readonly string[] BalancerRules = ["RDY4001", "RDY4002", "RDY4003", "RDY4004"];

    [Theory]
    [InlineData("Terraform/elbv2")]
    [InlineData("CloudFormation/elbv2")]
    [InlineData("Terraform/elb")]
    [InlineData("CloudFormation/elb")]
    [InlineData("Terraform/elbv2-cloudfront")]
    [InlineData("CloudFormation/elbv2-cloudfront")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Theory]
    [InlineData("Terraform/elbv2-cloudfront", "aws_lb.blog")]
    [InlineData("CloudFormation/elbv2-cloudfront", "Blog")]
    public void A_load_balancer_behind_a_web_acl_that_can_be_bypassed_is_reported_low_with_the_way_around_it(string folder, string bypassable)
    {
        var findings = IacFixtureVerifier.Scan(folder).Findings.Where(f => f.RuleId == "RDY4005").ToList();
        var low = findings.Single(f => f.Location.Resource?.Address == bypassable);
        low.Severity.ShouldBe(Severity.Low);
        low.Message.ShouldContain("admits the internet, so requests can bypass the distribution's web ACL");
        findings.Where(f => f.Location.Resource?.Address != bypassable).ShouldAllBe(f => f.Severity == Severity.Medium);
    }

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
        // Production only by its tag: read live through DescribeTags, as Terraform's tags are.
        var checkout = await CreateAsync(http, moto, "checkout", subnets, "ELBSecurityPolicy-TLS13-1-2-2021-06", ("Environment", "production"));
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
        Rules(checkout).ShouldContain("RDY4003");
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
        read.Resources.OfType<LoadBalancer>().Single(b => b.Id == "checkout").Tags["Environment"].ShouldBe("production");
    }

    [Fact]
    public async Task Live_classic_load_balancers_are_judged_with_their_policies_and_tags_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await CallAsync(http, moto, "iam", [new("Action", "CreateUser"), new("Version", "2010-05-08"), new("UserName", "deploy")]);
        // moto's classic load balancers accept only a certificate ACM holds.
        var certificate = (await MotoCalls.JsonAsync(http, moto, "acm", "CertificateManager.RequestCertificate",
            """{"DomainName":"web.example.com","ValidationMethod":"DNS"}""")).GetProperty("CertificateArn").GetString()!;

        // Plain HTTP, HTTPS on the API default policy, HTTPS on the TLS 1.2 policy; production only by its tag; no access logs.
        await CreateClassicAsync(http, moto, certificate, "legacy-web", [("HTTP", 80), ("HTTPS", 443), ("HTTPS", 8443)], ("Environment", "production"));
        await ReferencePolicyAsync(http, moto, "legacy-web", 8443, "ELBSecurityPolicy-TLS-1-2-2017-01");
        // TCP only.
        await CreateClassicAsync(http, moto, certificate, "mqtt", [("TCP", 1883)]);
        // Hardened: HTTPS on the TLS 1.2 policy, access logs on; and the same listener on an outdated reference policy.
        await CreateClassicAsync(http, moto, certificate, "shop", [("HTTPS", 443)]);
        await ReferencePolicyAsync(http, moto, "shop", 443, "ELBSecurityPolicy-TLS-1-2-2017-01");
        await CallAsync(http, moto, "elasticloadbalancing", [new("Action", "ModifyLoadBalancerAttributes"), new("Version", "2012-06-01"), new("LoadBalancerName", "shop"),
            new("LoadBalancerAttributes.AccessLog.Enabled", "true"), new("LoadBalancerAttributes.AccessLog.S3BucketName", "shop-lb-logs")]);
        await CreateClassicAsync(http, moto, certificate, "outdated", [("SSL", 9443)]);
        await ReferencePolicyAsync(http, moto, "outdated", 9443, "ELBSecurityPolicy-2015-05");

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(a => a.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("elb");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string Arn(string name) => $"arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/{name}";
        string[] Rules(string name) => findings.For(Arn(name)).Select(f => f.RuleId).Where(r => r.StartsWith("RDY40", StringComparison.Ordinal) || r == "RDY2704").Order().ToArray();
        Rules("legacy-web").ShouldBe(["RDY2704", "RDY4001", "RDY4004"]);
        findings.For(Arn("legacy-web")).Single(f => f.RuleId == "RDY4001").Message.ShouldContain("port 443 with the outdated TLS policy ELBSecurityPolicy-2016-08");
        Rules("mqtt").ShouldBe(["RDY4004", "RDY4006"]);
        Rules("shop").ShouldBeEmpty();
        Rules("outdated").ShouldBe(["RDY4001", "RDY4004"]);

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var legacy = read.Resources.OfType<LoadBalancer>().Single(b => b.Id == "legacy-web");
        legacy.LoadBalancerType.ShouldBe(LoadBalancer.Classic);
        legacy.Tags["Environment"].ShouldBe("production");
        legacy.Listeners.Select(l => (l.Protocol, l.Port, l.SslPolicy.Known)).ShouldBe(
            [("HTTP", 80, null), ("HTTPS", 443, "ELBSecurityPolicy-2016-08"), ("HTTPS", 8443, "ELBSecurityPolicy-TLS-1-2-2017-01")], ignoreOrder: true);
        read.Resources.OfType<LoadBalancer>().Single(b => b.Id == "shop").AccessLogsEnabled.ShouldBe(Value<bool>.Of(true));
    }

    /// <summary>A classic load balancer with the given listeners (to instance port 8080) and tags.</summary>
    private static async Task CreateClassicAsync(HttpClient http, MotoServer moto, string certificate, string name, (string Protocol, int Port)[] listeners, params (string Key, string Value)[] tags)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "CreateLoadBalancer"), new("Version", "2012-06-01"), new("LoadBalancerName", name), new("AvailabilityZones.member.1", "us-east-1a"),
        };
        for (var i = 0; i < listeners.Length; i++)
        {
            var (protocol, port) = listeners[i];
            form.Add(new($"Listeners.member.{i + 1}.Protocol", protocol));
            form.Add(new($"Listeners.member.{i + 1}.LoadBalancerPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(new($"Listeners.member.{i + 1}.InstancePort", "8080"));
            form.Add(new($"Listeners.member.{i + 1}.InstanceProtocol", protocol is "HTTPS" ? "HTTP" : protocol is "SSL" ? "TCP" : protocol));
            if (protocol is "HTTPS" or "SSL") form.Add(new($"Listeners.member.{i + 1}.SSLCertificateId", certificate));
        }
        for (var i = 0; i < tags.Length; i++)
        {
            form.Add(new($"Tags.member.{i + 1}.Key", tags[i].Key));
            form.Add(new($"Tags.member.{i + 1}.Value", tags[i].Value));
        }
        await CallAsync(http, moto, "elasticloadbalancing", form);
    }

    /// <summary>An SSL negotiation policy that references a predefined policy, set on one listener.</summary>
    private static async Task ReferencePolicyAsync(HttpClient http, MotoServer moto, string name, int port, string reference)
    {
        var policy = "tls-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await CallAsync(http, moto, "elasticloadbalancing", [new("Action", "CreateLoadBalancerPolicy"), new("Version", "2012-06-01"), new("LoadBalancerName", name),
            new("PolicyName", policy), new("PolicyTypeName", "SSLNegotiationPolicyType"),
            new("PolicyAttributes.member.1.AttributeName", "Reference-Security-Policy"), new("PolicyAttributes.member.1.AttributeValue", reference)]);
        await CallAsync(http, moto, "elasticloadbalancing", [new("Action", "SetLoadBalancerPoliciesOfListener"), new("Version", "2012-06-01"), new("LoadBalancerName", name),
            new("LoadBalancerPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("PolicyNames.member.1", policy)]);
    }

    /// <summary>An application load balancer with one HTTPS listener (the policy left to the API default when null); returns its ARN.</summary>
    private static async Task<string> CreateAsync(HttpClient http, MotoServer moto, string name, List<string> subnets, string? sslPolicy, params (string Key, string Value)[] tags)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", "CreateLoadBalancer"), new("Version", "2015-12-01"), new("Name", name) };
        form.AddRange(subnets.Select((s, i) => new KeyValuePair<string, string>($"Subnets.member.{i + 1}", s)));
        form.AddRange(tags.SelectMany((t, i) => new KeyValuePair<string, string>[] { new($"Tags.member.{i + 1}.Key", t.Key), new($"Tags.member.{i + 1}.Value", t.Value) }));
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
