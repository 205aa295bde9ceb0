using System.Diagnostics;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Aws;

namespace Readiness.Tests.Faults;

/// <summary>
/// Every fault class against every protocol family the collector speaks (query/XML: EC2; JSON 1.1: Secrets Manager;
/// REST-XML: CloudFront), on a loopback endpoint. Each case asserts the one named gap (service, region, operation),
/// that the faulted service is not marked read, and that the other services' resources and read marks survive.
/// The collector uses no JSON 1.0 or REST-JSON service today, so those families have nothing to fault.
/// </summary>
public sealed class AwsFaultTests : IAsyncLifetime
{
    private const string Account = "123456789012";
    private const string Region = "eu-west-2";
    private FakeAws aws = null!;

    public async Task InitializeAsync() => aws = await FakeAws.StartAsync();

    public async Task DisposeAsync() => await aws.DisposeAsync();

    /// <summary>One protocol family: the faulted list operation, its gap scope, and how its answers look.</summary>
    public sealed record Family(
        string Name, string Operation, string Service, string Scope,
        Func<string?, FakeAnswer> Page, FakeAnswer MissingItems, Func<string, int, FakeAnswer> Error)
    {
        public override string ToString() => Name;
    }

    private static readonly Family Query = new(
        "query", "ec2:DescribeSecurityGroups", "ec2", $"aws/{Account}/{Region}/ec2",
        token => FakeAnswer.Xml($"""
            <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>
              <securityGroupInfo><item><ownerId>{Account}</ownerId><groupId>sg-{token ?? "last"}</groupId><groupName>g</groupName><vpcId>vpc-1</vpcId><ipPermissions/></item></securityGroupInfo>
              {(token is null ? "" : $"<nextToken>{token}</nextToken>")}
            </DescribeSecurityGroupsResponse>
            """),
        FakeAnswer.Xml("""<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId></DescribeSecurityGroupsResponse>"""),
        (code, status) => FakeAnswer.Xml($"<Response><Errors><Error><Code>{code}</Code><Message>{code} for the test.</Message></Error></Errors><RequestID>r</RequestID></Response>", status));

    private static readonly Family Json11 = new(
        "json-1.1", "secretsmanager:ListSecrets", "secretsmanager", $"aws/{Account}/{Region}/secretsmanager",
        token => FakeAnswer.Json($$"""{{{(token is null ? "" : $"\"NextToken\":\"{token}\",")}}"SecretList":[{"ARN":"arn:aws:secretsmanager:{{Region}}:{{Account}}:secret:s-{{token ?? "last"}}","Name":"s-{{token ?? "last"}}"}]}"""),
        FakeAnswer.Json("""{"NextToken":null}"""),
        (code, status) => FakeAnswer.Json($$"""{"__type":"{{code}}","Message":"{{code}} for the test."}""", status));

    private static readonly Family RestXml = new(
        "rest-xml", "cloudfront:ListDistributions", "cloudfront", $"aws/{Account}/global/cloudfront",
        token => FakeAnswer.Xml($"""
            <DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker>{(token is null ? "" : $"<NextMarker>{token}</NextMarker>")}
              <MaxItems>100</MaxItems><IsTruncated>{(token is null ? "false" : "true")}</IsTruncated><Quantity>0</Quantity></DistributionList>
            """),
        FakeAnswer.Xml("""<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"></DistributionList>"""),
        (code, status) => FakeAnswer.Xml($"<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} for the test.</Message></Error><RequestId>r</RequestId></ErrorResponse>", status));

    public static TheoryData<Family> Families => [Query, Json11, RestXml];

    // No answer of the in-process fake takes 30 s, even on a loaded machine: only a hung endpoint times out.
    private static AwsTransportOptions Fast => AwsTestSupport.FastRetries with { AttemptTimeout = TimeSpan.FromSeconds(30) };

    private async Task<AwsCollection> CollectAsync(AwsTransportOptions? transport = null)
    {
        // Evidence that must survive a fault elsewhere: one security group and one secret.
        if (!aws.Requests.IsEmpty) throw new InvalidOperationException("collect once per test");
        using var http = new HttpClient();
        var options = AwsTestSupport.Options(aws.Endpoint, Region) with { Transport = transport ?? Fast };
        return await new AwsCollector(options, http).CollectAsync(CancellationToken.None);
    }

    private void Seed(Family faulted)
    {
        if (faulted != Query) aws.On(Query.Operation, Query.Page(null));
        if (faulted != Json11) aws.On(Json11.Operation, Json11.Page(null));
    }

    /// <summary>The one gap is the faulted service's, naming the operation; everything else was read and kept.</summary>
    private static void AssertOnlyLost(AwsCollection collection, Family faulted, string reason)
    {
        // Calls of the same service-region after a deadline fail too; every gap is that service-region's.
        var gaps = collection.Coverage.Gaps;
        var listed = string.Join("\n", gaps.Select(g => g.Scope + ": " + g.Reason));
        gaps.ShouldNotBeEmpty();
        gaps.ShouldAllBe(g => g.Scope == faulted.Scope, listed);
        gaps[0].Reason.ShouldStartWith(faulted.Operation.Split(':')[1] + " failed: ", Case.Sensitive, listed);
        gaps[0].Reason.ShouldContain(reason, Case.Sensitive, listed);

        var regional = collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == Region);
        var global = collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region is null);
        var read = regional.ServicesRead.Concat(global.ServicesRead).ToList();
        read.ShouldNotContain(faulted.Service);
        foreach (var other in new[] { "ec2", "rds", "elbv2", "secretsmanager", "cloudtrail", "wafv2", "iam", "s3", "cloudfront" }.Where(s => s != faulted.Service))
            read.ShouldContain(other);

        var groups = collection.Resources.OfType<SecurityGroup>().Select(g => g.Id).ToList();
        var secrets = collection.Resources.OfType<Secret>().Select(s => s.Id).ToList();
        if (faulted == Query) groups.ShouldBeEmpty("a failed list keeps none of its pages");
        else groups.ShouldBe(["sg-last"]);
        if (faulted == Json11) secrets.ShouldBeEmpty("a failed list keeps none of its pages");
        else secrets.ShouldBe(["s-last"]);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task Access_denied_is_a_gap_and_not_retried(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.Error("AccessDenied", 403));
        AssertOnlyLost(await CollectAsync(), family, "access denied");
        aws.Count(family.Operation).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task Throttling_that_never_clears_is_a_gap_after_every_attempt(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.Error("ThrottlingException", 400));
        AssertOnlyLost(await CollectAsync(), family, "still throttled after retries");
        aws.Count(family.Operation).ShouldBe(Fast.MaxAttempts);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_server_error_that_persists_is_a_gap_after_every_attempt(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.Error("InternalFailure", 500));
        AssertOnlyLost(await CollectAsync(), family, "InternalFailure");
        aws.Count(family.Operation).ShouldBe(Fast.MaxAttempts);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_server_error_that_clears_loses_nothing(Family family)
    {
        aws.On(family.Operation, family.Error("InternalFailure", 503), FakeAnswer.Reset(), family.Page(null));
        var collection = await CollectAsync();
        collection.Coverage.Gaps.ShouldBeEmpty();
        aws.Count(family.Operation).ShouldBe(3);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_reset_connection_is_an_unreachable_gap(Family family)
    {
        Seed(family);
        aws.On(family.Operation, FakeAnswer.Reset());
        AssertOnlyLost(await CollectAsync(), family, "endpoint unreachable");
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_body_cut_short_is_a_gap(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.Page(null) with { Fault = FakeFault.CutShort });
        AssertOnlyLost(await CollectAsync(), family, "endpoint unreachable");
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_truncated_body_is_a_malformed_answer_gap(Family family)
    {
        Seed(family);
        var whole = family.Page(null);
        aws.On(family.Operation, whole with { Body = whole.Body[..(whole.Body.Length / 2)] });
        AssertOnlyLost(await CollectAsync(), family, "MalformedAnswer");
        aws.Count(family.Operation).ShouldBe(1, "a malformed answer is not retried");
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_body_that_is_not_the_protocol_format_is_a_malformed_answer_gap(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.Page(null) with { Body = "<html><body>502 Bad Gateway from a proxy" });
        AssertOnlyLost(await CollectAsync(), family, "MalformedAnswer");
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_well_formed_answer_without_its_list_is_a_gap_not_an_empty_account(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.MissingItems);
        AssertOnlyLost(await CollectAsync(), family, "MissingItems");
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_page_token_that_repeats_is_a_gap(Family family)
    {
        Seed(family);
        aws.On(family.Operation, family.Page("same"));
        AssertOnlyLost(await CollectAsync(), family, "PaginationLoop");
        aws.Count(family.Operation).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task Fresh_tokens_beyond_the_page_limit_are_a_gap(Family family)
    {
        Seed(family);
        aws.OnEach(family.Operation, n => family.Page($"t{n}"));
        AssertOnlyLost(await CollectAsync(Fast with { MaxPages = 5 }), family, "PageLimit");
        aws.Count(family.Operation).ShouldBe(5);
    }

    [Theory, MemberData(nameof(Families))]
    public async Task An_answer_larger_than_the_limit_is_a_gap_without_reading_it_all(Family family)
    {
        Seed(family);
        var page = family.Page(null);
        aws.On(family.Operation, page with { Body = page.Body + new string(' ', 64 * 1024) });
        AssertOnlyLost(await CollectAsync(Fast with { MaxResponseBytes = 16 * 1024 }), family, "ResponseTooLarge");
    }

    [Theory, MemberData(nameof(Families))]
    public async Task A_hung_endpoint_costs_the_service_deadline_and_no_more(Family family)
    {
        Seed(family);
        aws.On(family.Operation, FakeAnswer.Hang());
        var clock = Stopwatch.StartNew();
        // Without the deadline the three hung attempts would cost 3 minutes; the 10 s deadline leaves the healthy services
        // room on a loaded machine, and the 60 s bound leaves it room on top of the deadline.
        var collection = await CollectAsync(Fast with { AttemptTimeout = TimeSpan.FromSeconds(60), ServiceDeadline = TimeSpan.FromSeconds(10) });
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the 10 s deadline, not 3 attempts of 60 s");
        AssertOnlyLost(collection, family, "timed out");
    }

    [Fact]
    public async Task A_credential_report_with_only_its_header_is_an_iam_gap()
    {
        aws.On("iam:GetCredentialReport", FakeAnswer.Xml($"""
            <GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetCredentialReportResult>
              <Content>{Convert.ToBase64String("user,arn,password_enabled,mfa_active\n"u8.ToArray())}</Content><ReportFormat>text/csv</ReportFormat>
            </GetCredentialReportResult></GetCredentialReportResponse>
            """));
        var collection = await CollectAsync();
        var gap = collection.Coverage.Gaps.ShouldHaveSingleItem();
        (gap.Scope, gap.Reason).ShouldBe(($"aws/{Account}/global/iam", "GetCredentialReport failed: MissingItems: the answer has no credential report row list, so nothing was read"));
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region is null).ServicesRead.ShouldNotContain("iam");
    }

    [Fact]
    public async Task A_credential_report_that_is_not_base64_is_an_iam_gap()
    {
        aws.On("iam:GetCredentialReport", FakeAnswer.Xml("""
            <GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetCredentialReportResult>
              <Content>not*base64!</Content><ReportFormat>text/csv</ReportFormat>
            </GetCredentialReportResult></GetCredentialReportResponse>
            """));
        var collection = await CollectAsync();
        var gap = collection.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe($"aws/{Account}/global/iam");
        gap.Reason.ShouldContain("GetCredentialReport failed: MalformedAnswer: the report content is not valid base64");
    }

    [Fact]
    public async Task A_malformed_answer_fails_the_scan_with_exit_2_and_still_judges_the_rest()
    {
        aws.On(Query.Operation, Query.Page(null) with { Body = "<DescribeSecurityGroupsResponse><securityGroupInfo>" });
        var empty = Directory.CreateTempSubdirectory("readiness-faults-");
        try
        {
            // The in-process CLI signs with the test keys of Support/HermeticEnvironment (process-global, set once).
            string[] scan = ["scan", empty.FullName, "--aws", "--endpoint-url", aws.Endpoint.ToString(), "--regions", Region];
            var outcome = Support.CliRunner.Run(scan);
            outcome.ExitCode.ShouldBe(2, outcome.Stdout + outcome.Stderr);
            outcome.Stdout.ShouldContain($"aws/{Account}/{Region}/ec2");
            outcome.Stdout.ShouldContain("DescribeSecurityGroups failed: MalformedAnswer");
            var allowed = Support.CliRunner.Run([.. scan, "--allow-incomplete"]);
            // Allowed through, the rest is judged: this empty account has no CloudTrail trail (NOT READY, exit 1).
            allowed.ExitCode.ShouldBe(1, allowed.Stdout + allowed.Stderr);
            allowed.Stdout.ShouldContain("CloudTrail");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
