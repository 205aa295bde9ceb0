using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Tests.Aws;

/// <summary>
/// Paths moto does not cover, against AWS's documented wire formats: paged answers of every protocol, throttling
/// that clears and that does not, access denied, CloudFront response headers policies and ListResourcesForWebACL.
/// </summary>
public sealed class FakeAwsTests : IAsyncLifetime
{
    private FakeAws aws = null!;

    public async Task InitializeAsync() => aws = await FakeAws.StartAsync();

    public async Task DisposeAsync() => await aws.DisposeAsync();

    private async Task<AwsCollection> CollectAsync()
    {
        using var http = new HttpClient();
        return await new AwsCollector(AwsTestSupport.Options(aws.Endpoint, "eu-west-2"), http).CollectAsync(CancellationToken.None);
    }

    private static string Ec2Groups(string ids, string? nextToken) => $"""
        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>r</requestId>
          <securityGroupInfo>{string.Concat(ids.Split(',').Select(id => $"""
            <item><ownerId>123456789012</ownerId><groupId>{id}</groupId><groupName>{id}-name</groupName><groupDescription>d</groupDescription><vpcId>vpc-1</vpcId>
              <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>
                <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>ssh</description></item></ipRanges>
                <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item></ipPermissions>
              <ipPermissionsEgress/><tagSet><item><key>Name</key><value>{id}</value></item></tagSet></item>
            """))}</securityGroupInfo>
          {(nextToken is null ? "" : $"<nextToken>{nextToken}</nextToken>")}
        </DescribeSecurityGroupsResponse>
        """;

    [Fact]
    public async Task Query_protocol_pages_follow_next_token_and_throttling_is_retried()
    {
        var throttled = FakeAnswer.Xml("<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r</RequestID></Response>", 503);
        aws.On("ec2:DescribeSecurityGroups", throttled, FakeAnswer.Xml(Ec2Groups("sg-1,sg-2", "page-2")), FakeAnswer.Xml(Ec2Groups("sg-3", null)));

        var collection = await CollectAsync();

        collection.Coverage.Gaps.ShouldBeEmpty();
        var groups = collection.Resources.OfType<SecurityGroup>().ToList();
        groups.Select(g => g.Id).ShouldBe(["sg-1", "sg-2", "sg-3"]);
        groups[0].Ingress.Single().Sources.Select(s => s.Known).ShouldBe(["0.0.0.0/0", "::/0"]);
        groups[0].Provenance.Arn.ShouldBe("arn:aws:ec2:eu-west-2:123456789012:security-group/sg-1");
        aws.Count("ec2:DescribeSecurityGroups").ShouldBe(3);
        aws.Requests.Last(r => r.Operation == "ec2:DescribeSecurityGroups").Body.ShouldContain("NextToken=page-2");
    }

    [Fact]
    public async Task Throttling_that_never_clears_is_a_gap_for_that_service_and_region_only()
    {
        aws.On("rds:DescribeDBInstances", FakeAnswer.Xml("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>", 400));

        var collection = await CollectAsync();

        var gap = collection.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("aws/123456789012/eu-west-2/rds");
        gap.Reason.ShouldContain("DescribeDBInstances failed: still throttled after retries (Throttling)");
        aws.Count("rds:DescribeDBInstances").ShouldBe(AwsTestSupport.FastRetries.MaxAttempts);
        var regional = collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "eu-west-2");
        regional.ServicesRead.ShouldNotContain("rds");
        regional.ServicesRead.ShouldContain("ec2");
    }

    [Fact]
    public async Task Access_denied_is_a_gap_and_fails_the_scan_with_exit_2()
    {
        aws.On("secretsmanager:ListSecrets", FakeAnswer.Json("""{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action"}""", 400));

        var collection = await CollectAsync();
        var gap = collection.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("aws/123456789012/eu-west-2/secretsmanager");
        gap.Reason.ShouldContain("access denied (AccessDeniedException)");
        aws.Count("secretsmanager:ListSecrets").ShouldBe(1, "a denied call is not retried");

        var empty = Directory.CreateTempSubdirectory("readiness-aws-");
        try
        {
            // The in-process CLI signs with the test keys of Support/HermeticEnvironment (process-global, set once).
            var outcome = Support.CliRunner.Run("scan", empty.FullName, "--aws", "--endpoint-url", aws.Endpoint.ToString(), "--regions", "eu-west-2");
            outcome.ExitCode.ShouldBe(2, outcome.Stdout + outcome.Stderr);
            outcome.Stdout.ShouldContain("aws/123456789012/eu-west-2/secretsmanager");
            var allowed = Support.CliRunner.Run("scan", empty.FullName, "--aws", "--endpoint-url", aws.Endpoint.ToString(), "--regions", "eu-west-2", "--allow-incomplete");
            // Allowed through, the gap is still listed and the rest is judged: this empty account has no CloudTrail trail.
            allowed.ExitCode.ShouldBe(1, allowed.Stdout + allowed.Stderr);
            allowed.Stdout.ShouldContain("aws/123456789012/eu-west-2/secretsmanager");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CloudFront_pages_and_custom_response_headers_policies_are_read()
    {
        string Summary(string id) => $"<DistributionSummary><Id>{id}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/{id}</ARN><Status>Deployed</Status><DomainName>{id}.cloudfront.net</DomainName></DistributionSummary>";
        aws.On("cloudfront:ListDistributions",
            FakeAnswer.Xml($"""<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><NextMarker>E2</NextMarker><MaxItems>1</MaxItems><IsTruncated>true</IsTruncated><Quantity>1</Quantity><Items>{Summary("E1")}</Items></DistributionList>"""),
            FakeAnswer.Xml($"""<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker>E2</Marker><MaxItems>1</MaxItems><IsTruncated>false</IsTruncated><Quantity>1</Quantity><Items>{Summary("E2")}</Items></DistributionList>"""));
        aws.On("cloudfront:GetDistributionConfig", FakeAnswer.Xml("""
            <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
              <CallerReference>ref</CallerReference>
              <Aliases><Quantity>1</Quantity><Items><CNAME>www.example.com</CNAME></Items></Aliases>
              <DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy><ResponseHeadersPolicyId>custom-1</ResponseHeadersPolicyId></DefaultCacheBehavior>
              <CacheBehaviors><Quantity>1</Quantity><Items><CacheBehavior><PathPattern>/api/*</PathPattern><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>allow-all</ViewerProtocolPolicy></CacheBehavior></Items></CacheBehaviors>
              <Logging><Enabled>true</Enabled><IncludeCookies>false</IncludeCookies><Bucket>logs.s3.amazonaws.com</Bucket><Prefix>cf/</Prefix></Logging>
              <Enabled>true</Enabled>
              <ViewerCertificate><ACMCertificateArn>arn:aws:acm:us-east-1:123456789012:certificate/abc</ACMCertificateArn><SSLSupportMethod>sni-only</SSLSupportMethod><MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion></ViewerCertificate>
              <WebACLId>arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1</WebACLId>
            </DistributionConfig>
            """));
        string Policy(string id, string headers) => $"""
            <ResponseHeadersPolicySummary><Type>custom</Type><ResponseHeadersPolicy><Id>{id}</Id><LastModifiedTime>2024-01-01T00:00:00Z</LastModifiedTime>
              <ResponseHeadersPolicyConfig><Name>{id}-name</Name><SecurityHeadersConfig>{headers}</SecurityHeadersConfig></ResponseHeadersPolicyConfig>
            </ResponseHeadersPolicy></ResponseHeadersPolicySummary>
            """;
        aws.On("cloudfront:ListResponseHeadersPolicies",
            FakeAnswer.Xml($"""<ResponseHeadersPolicyList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><NextMarker>p2</NextMarker><MaxItems>1</MaxItems><Quantity>1</Quantity><Items>{Policy("other", "")}</Items></ResponseHeadersPolicyList>"""),
            FakeAnswer.Xml($"""<ResponseHeadersPolicyList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><MaxItems>1</MaxItems><Quantity>1</Quantity><Items>{Policy("custom-1", "<StrictTransportSecurity><Override>true</Override><IncludeSubdomains>true</IncludeSubdomains><Preload>false</Preload><AccessControlMaxAgeSec>31536000</AccessControlMaxAgeSec></StrictTransportSecurity><ContentTypeOptions><Override>true</Override></ContentTypeOptions><FrameOptions><Override>true</Override><FrameOption>DENY</FrameOption></FrameOptions>")}</Items></ResponseHeadersPolicyList>"""));

        var collection = await CollectAsync();

        collection.Coverage.Gaps.ShouldBeEmpty();
        var distributions = collection.Resources.OfType<Distribution>().OrderBy(d => d.Id).ToList();
        distributions.Select(d => d.Id).ShouldBe(["E1", "E2"]);
        var d = distributions[0];
        (d.WebAclId.Known, d.MinimumProtocolVersion.Known, d.UsesDefaultCertificate.Known, d.LoggingEnabled.Known).ShouldBe(("arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1", "TLSv1.2_2021", false, true));
        d.Aliases.ShouldBe(["www.example.com"]);
        d.Behaviors.Select(b => (b.PathPattern, b.ViewerProtocolPolicy.Known)).ShouldBe([("*", "redirect-to-https"), ("/api/*", "allow-all")]);
        var policy = collection.Resources.OfType<ResponseHeadersPolicy>().ShouldHaveSingleItem("only the referenced custom policy is kept");
        (policy.Id, policy.HstsEnabled.Known, policy.HstsMaxAgeSeconds.Known, policy.HstsIncludeSubdomains.Known, policy.FrameOption.Known, policy.ContentTypeOptions.Known, policy.ContentSecurityPolicy.Known)
            .ShouldBe(("custom-1", true, 31536000, true, "DENY", true, null));
        aws.Count("cloudfront:ListResponseHeadersPolicies").ShouldBe(2);
    }

    private const string LegacyLoggingOff = """
        <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
          <CallerReference>ref</CallerReference>
          <DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy></DefaultCacheBehavior>
          <Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket><Prefix></Prefix></Logging>
          <Enabled>true</Enabled>
        </DistributionConfig>
        """;

    private void TwoDistributionsWithoutLegacyLogging()
    {
        string Summary(string id) => $"<DistributionSummary><Id>{id}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/{id}</ARN><Status>Deployed</Status><DomainName>{id}.cloudfront.net</DomainName></DistributionSummary>";
        aws.On("cloudfront:ListDistributions",
            FakeAnswer.Xml($"""<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>2</Quantity><Items>{Summary("E1")}{Summary("E2")}</Items></DistributionList>"""));
        aws.On("cloudfront:GetDistributionConfig", FakeAnswer.Xml(LegacyLoggingOff));
    }

    [Fact]
    public async Task CloudFront_access_logs_delivered_by_standard_logging_v2_count_as_logging_across_pages()
    {
        TwoDistributionsWithoutLegacyLogging();
        aws.On("logs:DescribeDeliveries",
            FakeAnswer.Json("""{"deliveries":[{"id":"d1","deliverySourceName":"e1-access","deliveryDestinationArn":"arn:aws:logs:us-east-1:123456789012:delivery-destination:s3"}],"nextToken":"deliveries-2"}"""),
            FakeAnswer.Json("""{"deliveries":[]}"""));
        aws.On("logs:DescribeDeliverySources",
            FakeAnswer.Json("""{"deliverySources":[{"name":"e2-access","logType":"ACCESS_LOGS","resourceArns":["arn:aws:cloudfront::123456789012:distribution/E2"]}],"nextToken":"sources-2"}"""),
            FakeAnswer.Json("""{"deliverySources":[{"name":"e1-access","logType":"ACCESS_LOGS","resourceArns":["arn:aws:cloudfront::123456789012:distribution/E1"]}]}"""));

        var collection = await CollectAsync();

        collection.Coverage.Gaps.ShouldBeEmpty();
        aws.Requests.Last(r => r.Operation == "logs:DescribeDeliveries").Body.ShouldContain("deliveries-2");
        aws.Requests.Last(r => r.Operation == "logs:DescribeDeliverySources").Body.ShouldContain("sources-2");
        // E1's source has a delivery; E2's source delivers nowhere, so E2 still writes no log.
        collection.Resources.OfType<Distribution>().OrderBy(d => d.Id).Select(d => (d.Id, d.LoggingEnabled.Known)).ShouldBe([("E1", true), ("E2", false)]);
    }

    [Fact]
    public async Task CloudFront_log_deliveries_that_cannot_be_read_are_a_gap_and_the_configuration_is_judged()
    {
        TwoDistributionsWithoutLegacyLogging();
        aws.On("logs:DescribeDeliveries", FakeAnswer.Json("""{"__type":"AccessDeniedException","Message":"not authorized to perform: logs:DescribeDeliveries"}""", 400));

        var collection = await CollectAsync();

        collection.Coverage.Gaps.Select(g => g.Display()).ShouldContain(g => g.Contains("cloudfront") && g.Contains("DescribeDeliveries failed: access denied"));
        collection.Resources.OfType<Distribution>().Select(d => d.LoggingEnabled.Known).ShouldBe([false, false]);
    }

    [Fact]
    public async Task Waf_associations_come_from_list_resources_for_web_acl_and_json_pages_follow_markers()
    {
        const string alb = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
        const string bare = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/admin/6d0ecf831eec9f09";
        string Lb(string arn, string name) => $"<member><LoadBalancerArn>{arn}</LoadBalancerArn><Scheme>internet-facing</Scheme><LoadBalancerName>{name}</LoadBalancerName><Type>application</Type></member>";
        aws.On("elasticloadbalancing:DescribeLoadBalancers", "Version=2015-12-01",
            FakeAnswer.Xml($"""<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeLoadBalancersResult><LoadBalancers>{Lb(alb, "web")}</LoadBalancers><NextMarker>m2</NextMarker></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>"""),
            FakeAnswer.Xml($"""<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeLoadBalancersResult><LoadBalancers>{Lb(bare, "admin")}</LoadBalancers></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>"""));
        aws.On("elasticloadbalancing:DescribeListeners", FakeAnswer.Xml("""
            <DescribeListenersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeListenersResult><Listeners>
              <member><Port>80</Port><Protocol>HTTP</Protocol><DefaultActions><member><Type>redirect</Type><RedirectConfig><Protocol>HTTPS</Protocol><Port>443</Port><StatusCode>HTTP_301</StatusCode></RedirectConfig></member></DefaultActions></member>
              <member><Port>443</Port><Protocol>HTTPS</Protocol><DefaultActions><member><Type>forward</Type></member></DefaultActions></member>
            </Listeners></DescribeListenersResult></DescribeListenersResponse>
            """));
        aws.On("wafv2:ListWebACLs", "\"REGIONAL\"",
            FakeAnswer.Json("""{"NextMarker":"w2","WebACLs":[{"ARN":"arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/app-acl/1","Id":"1","Name":"app-acl","LockToken":"t"}]}"""),
            FakeAnswer.Json("""{"WebACLs":[{"ARN":"arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/count-acl/2","Id":"2","Name":"count-acl","LockToken":"t"}]}"""));
        aws.On("wafv2:GetWebACL", FakeAnswer.Json("""
            {"WebACL":{"ARN":"arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/app-acl/1","Id":"1","Name":"app-acl","DefaultAction":{"Allow":{}},
             "Rules":[{"Name":"rate","Priority":0,"Action":{"Block":{}},"Statement":{"RateBasedStatement":{"Limit":2000,"AggregateKeyType":"IP"}}},
                      {"Name":"common","Priority":1,"OverrideAction":{"Count":{}},"Statement":{"ManagedRuleGroupStatement":{"VendorName":"AWS","Name":"AWSManagedRulesCommonRuleSet"}}}]},
             "LockToken":"t"}
            """));
        aws.On("wafv2:ListResourcesForWebACL", FakeAnswer.Json($$"""{"ResourceArns":["{{alb}}"]}"""), FakeAnswer.Json("""{"ResourceArns":[]}"""));
        aws.On("wafv2:GetLoggingConfiguration", FakeAnswer.Json("""{"__type":"WAFNonexistentItemException","Message":"no logging"}""", 400));

        var collection = await CollectAsync();

        collection.Coverage.Gaps.ShouldBeEmpty();
        var balancers = collection.Resources.OfType<LoadBalancer>().ToDictionary(b => b.Id);
        balancers["web"].WebAclArn.Known.ShouldBe("arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/app-acl/1");
        balancers["admin"].WebAclArn.Known.ShouldBeNull();
        balancers["web"].Listeners.Select(l => (l.Port, l.RedirectsToHttps)).ShouldBe([(80, true), (443, false)]);
        var acl = collection.Resources.OfType<WebAcl>().First(a => a.Provenance.Arn!.Contains("app-acl"));
        acl.AssociatedResources.ShouldBe([alb]);
        acl.Rules.Select(r => (r.Kind, r.CountOnly, r.RateLimit)).ShouldBe([(WafRuleKind.RateBased, false, (long?)2000), (WafRuleKind.ManagedRuleGroup, true, null)]);
        acl.LoggingEnabled.Known.ShouldBeFalse();
        aws.Requests.Where(r => r.Operation == "wafv2:ListWebACLs" && r.Body.Contains("REGIONAL")).Select(r => r.Body).Last().ShouldContain("\"NextMarker\":\"w2\"");
    }

    [Fact]
    public async Task Iam_and_secrets_pages_are_followed()
    {
        string Users(string name, bool truncated) => $"""
            <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult>
              <IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{(truncated ? "<Marker>next-page</Marker>" : "")}
              <UserDetailList><member><UserName>{name}</UserName><Arn>arn:aws:iam::123456789012:user/{name}</Arn><Path>/</Path>
                <UserPolicyList><member><PolicyName>all</PolicyName><PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%7D</PolicyDocument></member></UserPolicyList>
                <GroupList/><AttachedManagedPolicies/></member></UserDetailList>
              <GroupDetailList/><RoleDetailList/><Policies/>
            </GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>
            """;
        aws.On("iam:GetAccountAuthorizationDetails", FakeAnswer.Xml(Users("alice", true)), FakeAnswer.Xml(Users("bob", false)));
        aws.On("secretsmanager:ListSecrets",
            FakeAnswer.Json("""{"NextToken":"s2","SecretList":[{"ARN":"arn:aws:secretsmanager:eu-west-2:123456789012:secret:a-1","Name":"a","CreatedDate":1.7E9}]}"""),
            FakeAnswer.Json("""{"SecretList":[{"ARN":"arn:aws:secretsmanager:eu-west-2:123456789012:secret:b-2","Name":"b","RotationEnabled":true,"RotationRules":{"AutomaticallyAfterDays":30},"LastRotatedDate":1.7E9}]}"""));

        var collection = await CollectAsync();

        collection.Coverage.Gaps.ShouldBeEmpty();
        var users = collection.Resources.OfType<IamUser>().OrderBy(u => u.Id).ToList();
        users.Select(u => u.Id).ShouldBe(["alice", "bob"]);
        users[0].InlinePolicies.Single().Statements.Single().Actions.ShouldBe(["*"]);
        aws.Requests.Last(r => r.Operation == "iam:GetAccountAuthorizationDetails").Body.ShouldContain("Marker=next-page");
        var secrets = collection.Resources.OfType<Secret>().OrderBy(s => s.Id).ToList();
        secrets.Select(s => (s.Id, s.RotationEnabled.Known, s.LastRotated)).ShouldBe([("a", false, null), ("b", true, (DateTimeOffset?)DateTimeOffset.FromUnixTimeSeconds(1_700_000_000))]);
    }
}
