using System.Diagnostics;
using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Operational readiness (RDY4701-RDY4707): GuardDuty, CloudWatch alarms on load balancers and databases, budgets and
/// log groups, judged per stack from Terraform roots, CloudFormation templates and a live (moto) account, and
/// recorded in the inventory.
/// </summary>
public sealed class OperationsTests
{
    private static readonly string[] OperationsRules = ["RDY4701", "RDY4702", "RDY4703", "RDY4704", "RDY4705", "RDY4706", "RDY4707"];
    private const string Account = "123456789012";

    [Theory]
    [InlineData("Terraform/operations")]
    [InlineData("CloudFormation/operations")]
    [InlineData("Terraform/loggroups")]
    [InlineData("Terraform/loggroups-none")]
    [InlineData("CloudFormation/loggroups")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task A_live_account_is_judged_per_region_and_round_trips_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        var seeded = await SeedAsync(moto);
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1", "eu-west-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        var regional = collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead;
        regional.ShouldContain("guardduty");
        regional.ShouldContain("cloudwatch");
        regional.ShouldContain("logs");
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region is null).ServicesRead.ShouldContain("budgets");

        var findings = AwsTestSupport.Judge(collection.Resources).Where(f => OperationsRules.Contains(f.RuleId)).ToList();
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Resource?.Arn ?? f.Location.Resource?.Id}: {f.Message}"));
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Order().ToArray();
        Rules(seeded.GetProperty("api-prod").GetString()!).ShouldBeEmpty(dump);
        Rules(seeded.GetProperty("web-prod").GetString()!).ShouldBe(["RDY4702"], dump);
        Rules(seeded.GetProperty("orders-prod").GetString()!).ShouldBe(["RDY4704"], dump);
        Rules(seeded.GetProperty("reports-prod").GetString()!).ShouldBe(["RDY4703", "RDY4704"], dump);
        Rules($"arn:aws:logs:us-east-1:{Account}:log-group:/ecs/api-prod").ShouldBe(["RDY4706", "RDY4707"], dump);
        Rules($"arn:aws:logs:us-east-1:{Account}:log-group:/ecs/web-prod").ShouldBeEmpty(dump);
        // Writers of logs: the container and the function whose groups do not exist, not those whose groups do.
        Rules(seeded.GetProperty("task").GetString()!).ShouldBe(["RDY4706"], dump);
        findings.For(seeded.GetProperty("task").GetString()!).Single().Message.ShouldBe(
            "The container 'jobs' of ECS task definition web-prod logs to log group '/ecs/jobs-prod', which does not exist in us-east-1: without awslogs-create-group its tasks fail to start (ResourceNotFoundException: The specified log group does not exist). Create the group with a retention period (`aws logs create-log-group`, then `aws logs put-retention-policy`), or better declare it in code.");
        Rules(seeded.GetProperty("thumbnails-prod").GetString()!).ShouldBe(["RDY4706"], dump);
        Rules(seeded.GetProperty("billing-prod").GetString()!).ShouldBeEmpty(dump);
        // No budget at all: one finding on the account; GuardDuty missing only where a workload runs without a detector.
        Rules($"arn:aws:iam::{Account}:root").ShouldBe(["RDY4705"], dump);
        var guardDuty = findings.Where(f => f.RuleId == "RDY4701").ShouldHaveSingleItem(dump);
        guardDuty.Location.Resource!.Region.ShouldBe("eu-west-1");
        guardDuty.Message.ShouldBe($"Region eu-west-1 of account {Account} runs db-instance reports-prod but has no GuardDuty detector; enable GuardDuty there (or from the organization's delegated administrator) so threats to those workloads raise findings.");

        var snapshot = new AwsInventoryFile.Snapshot { Resources = collection.Resources };
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(snapshot), "memory");
        read.Resources.OfType<GuardDutyDetector>().Single().Enabled.ShouldBe(Value<bool>.Of(true));
        var alarm = read.Resources.OfType<MetricAlarm>().Single(a => a.Id == "api-prod-5xx");
        alarm.HasAlarmActions.ShouldBe(Value<bool>.Of(true));
        alarm.Metrics.Single().Dimensions.Single().Value.Known.ShouldStartWith("app/api-prod/");
        read.Resources.OfType<LogGroup>().Single(g => g.Id == "/ecs/web-prod").RetentionInDays.ShouldBe(Value<int>.Of(365));
        AwsTestSupport.Judge(read.Resources).Where(f => OperationsRules.Contains(f.RuleId)).Select(f => f.Fingerprint).Order()
            .ShouldBe(findings.Select(f => f.Fingerprint).Order(), "the recorded inventory is judged as the live account was");

        // A budget with a notification answers the budget control.
        await RunAsync("python3", "-c", $"import boto3; boto3.client('budgets', endpoint_url='{moto.Endpoint}', region_name='us-east-1', aws_access_key_id='testing', aws_secret_access_key='testing').create_budget(AccountId='{Account}', Budget={{'BudgetName':'monthly','BudgetLimit':{{'Amount':'300','Unit':'USD'}},'TimeUnit':'MONTHLY','BudgetType':'COST'}}, NotificationsWithSubscribers=[{{'Notification':{{'NotificationType':'FORECASTED','ComparisonOperator':'GREATER_THAN','Threshold':80}},'Subscribers':[{{'SubscriptionType':'EMAIL','Address':'ops@example.com'}}]}}])");
        var budgeted = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        budgeted.Resources.OfType<Budget>().Single().Notifications.ShouldBe(Value<int>.Of(1));
        AwsTestSupport.Judge(budgeted.Resources).ShouldNotContain(f => f.RuleId == "RDY4705");
    }

    [Fact]
    public async Task Budgets_that_cannot_be_read_are_a_gap_never_no_budget()
    {
        await using var moto = await MotoServer.StartAsync();
        await SeedAsync(moto);
        await using var denying = await FakeAws.StartAsync(upstream: moto.Endpoint);
        denying.On("budgets:DescribeBudgets", FakeAnswer.Json("""{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: budgets:ViewBudget"}""", 400));
        denying.On("monitoring:DescribeAlarms", FakeAnswer.Xml("""<ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: cloudwatch:DescribeAlarms</Message></Error></ErrorResponse>""", 403));
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(denying.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);

        var gaps = collection.Coverage.Gaps.Select(g => g.Display()).ToList();
        gaps.ShouldContain(g => g.Contains($"aws/{Account}/global/budgets") && g.Contains("access denied (AccessDeniedException)"));
        gaps.ShouldContain(g => g.Contains($"aws/{Account}/us-east-1/cloudwatch") && g.Contains("access denied"));
        var findings = AwsTestSupport.Judge(collection.Resources);
        findings.ShouldNotContain(f => f.RuleId == "RDY4705" || f.RuleId == "RDY4702" || f.RuleId == "RDY4703" || f.RuleId == "RDY4704");
        // What could be read is still judged.
        findings.ShouldContain(f => f.RuleId == "RDY4706" && f.Location.Resource!.Id == "/ecs/api-prod");
    }

    [Fact]
    public async Task Alarms_log_groups_and_detectors_follow_their_page_tokens()
    {
        await using var aws = await FakeAws.StartAsync();
        aws.On("logs:DescribeLogGroups",
            FakeAnswer.Json("""{"logGroups":[{"logGroupName":"/ecs/a","logGroupArn":"arn:aws:logs:eu-west-2:123456789012:log-group:/ecs/a"}],"nextToken":"logs-page-2"}"""),
            FakeAnswer.Json("""{"logGroups":[{"logGroupName":"/ecs/b","retentionInDays":7,"kmsKeyId":"arn:aws:kms:eu-west-2:123456789012:key/k"}]}"""));
        aws.On("monitoring:DescribeAlarms",
            FakeAnswer.Xml("""<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult><MetricAlarms><member><AlarmName>one</AlarmName><ActionsEnabled>true</ActionsEnabled><AlarmActions><member>arn:aws:sns:eu-west-2:123456789012:t</member></AlarmActions><Namespace>AWS/RDS</Namespace><MetricName>CPUUtilization</MetricName><Dimensions><member><Name>DBInstanceIdentifier</Name><Value>db</Value></member></Dimensions></member></MetricAlarms><NextToken>alarms-page-2</NextToken></DescribeAlarmsResult></DescribeAlarmsResponse>"""),
            FakeAnswer.Xml("""<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult><MetricAlarms><member><AlarmName>two</AlarmName><ActionsEnabled>false</ActionsEnabled><AlarmActions/><Metrics><member><Id>m</Id><MetricStat><Metric><Namespace>AWS/ApplicationELB</Namespace><MetricName>HTTPCode_ELB_5XX_Count</MetricName><Dimensions><member><Name>LoadBalancer</Name><Value>app/web/1</Value></member></Dimensions></Metric></MetricStat></member></Metrics></member></MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>"""));
        aws.On("monitoring:DescribeAlarms", "CompositeAlarm",
            FakeAnswer.Xml("""<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult><CompositeAlarms><member><AlarmName>three</AlarmName><AlarmRule>ALARM("two") AND ALARM(arn:aws:cloudwatch:eu-west-2:123456789012:alarm:one)</AlarmRule><ActionsEnabled>true</ActionsEnabled><AlarmActions><member>arn:aws:sns:eu-west-2:123456789012:t</member></AlarmActions></member></CompositeAlarms><MetricAlarms/><NextToken>composite-page-2</NextToken></DescribeAlarmsResult></DescribeAlarmsResponse>"""),
            FakeAnswer.Xml("""<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult><CompositeAlarms><member><AlarmName>four</AlarmName><AlarmRule>OK(two)</AlarmRule><ActionsEnabled>false</ActionsEnabled><AlarmActions/></member></CompositeAlarms><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>"""));
        aws.On("guardduty:/detector", FakeAnswer.Json("""{"detectorIds":["d1"],"nextToken":"detectors-page-2"}"""), FakeAnswer.Json("""{"detectorIds":["d2"]}"""));
        aws.On("guardduty:/detector/d1", FakeAnswer.Json("""{"status":"ENABLED","serviceRole":"r"}"""));
        aws.On("guardduty:/detector/d2", FakeAnswer.Json("""{"status":"DISABLED","serviceRole":"r"}"""));
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(aws.Endpoint, "eu-west-2"), http).CollectAsync(CancellationToken.None);

        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        aws.Requests.Last(r => r.Operation == "logs:DescribeLogGroups").Body.ShouldContain("logs-page-2");
        aws.Requests.Last(r => r.Operation == "monitoring:DescribeAlarms" && r.Body.Contains("MetricAlarm", StringComparison.Ordinal)).Body.ShouldContain("alarms-page-2");
        aws.Count("guardduty:/detector").ShouldBe(2);
        collection.Resources.OfType<LogGroup>().Select(g => (g.Id, g.RetentionInDays.Known, g.KmsKeyId.Known is not null)).ShouldBe([("/ecs/a", 0, false), ("/ecs/b", 7, true)]);
        var alarms = collection.Resources.OfType<MetricAlarm>().OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        alarms.Select(a => (a.Id, a.ActionsEnabled.Known, a.HasAlarmActions.Known, a.Metrics.Single().MetricName.Known, a.Metrics.Single().Dimensions.Single().Value.Known))
            .ShouldBe([("one", true, true, "CPUUtilization", "db"), ("two", false, false, "HTTPCode_ELB_5XX_Count", "app/web/1")]);
        collection.Resources.OfType<GuardDutyDetector>().Select(d => (d.Id, d.Enabled.Known)).ShouldBe([("d1", true), ("d2", false)]);
        aws.Requests.Last(r => r.Operation == "monitoring:DescribeAlarms" && r.Body.Contains("CompositeAlarm", StringComparison.Ordinal)).Body.ShouldContain("composite-page-2");
        collection.Resources.OfType<CompositeAlarm>().OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (a.Id, string.Join(",", a.Alarms.Known!), a.ActionsEnabled.Known, a.HasAlarmActions.Known))
            .ShouldBe([("four", "", false, false), ("three", "two,arn:aws:cloudwatch:eu-west-2:123456789012:alarm:one", true, true)]);
    }

    private static async Task<JsonElement> SeedAsync(MotoServer moto) =>
        JsonDocument.Parse(await RunAsync("python3", Path.Combine(TestPaths.Fixtures, "Aws", "seed_operations.py"), moto.Endpoint.ToString())).RootElement.Clone();

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await errors}");
        return await output;
    }
}
