using System.Text;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
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

    private static readonly string[] EcsRules = ["RDY1601", "RDY1622", "RDY1623", "RDY4101", "RDY4102", "RDY4103", "RDY4104", "RDY4105", "RDY4708"];

    [Fact]
    public async Task Live_task_definitions_and_services_are_judged_by_arn_and_round_trip_without_environment_values()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        // moto's credential report lists IAM users only; one user makes the emulated account look like a real one.
        await QueryAsync(http, moto, [new("Action", "CreateUser"), new("Version", "2010-05-08"), new("UserName", "deploy")]);
        await EcsAsync(http, moto, "RegisterTaskDefinition", """
            {"family": "coco-prod-api", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024",
             "taskRoleArn": "arn:aws:iam::123456789012:role/coco-prod-ecs", "executionRoleArn": "arn:aws:iam::123456789012:role/coco-prod-ecs",
             "containerDefinitions": [{"name": "api", "image": "coco-api:1.4.2", "essential": true,
               "environment": [{"name": "DB_PASSWORD", "value": "Pr0d-db-passw0rd-2024"}, {"name": "DEBUG", "value": "false"}, {"name": "NODE_ENV", "value": "development"}]}]}
            """);
        await EcsAsync(http, moto, "RegisterTaskDefinition", """
            {"family": "coco-prod-agent", "networkMode": "host",
             "containerDefinitions": [{"name": "agent", "image": "amazon/cloudwatch-agent:1.300032.2", "memory": 256, "privileged": true, "user": "root",
               "readonlyRootFilesystem": true, "logConfiguration": {"logDriver": "awslogs"}}]}
            """);
        // Two revisions of one family: only the latest (hardened) one is judged.
        await EcsAsync(http, moto, "RegisterTaskDefinition", """
            {"family": "coco-prod-web", "containerDefinitions": [{"name": "web", "image": "coco-web:1.0.0", "memory": 256, "privileged": true}]}
            """);
        await EcsAsync(http, moto, "RegisterTaskDefinition", """
            {"family": "coco-prod-web", "networkMode": "awsvpc",
             "taskRoleArn": "arn:aws:iam::123456789012:role/coco-prod-web-task", "executionRoleArn": "arn:aws:iam::123456789012:role/coco-prod-ecs",
             "containerDefinitions": [{"name": "web", "image": "coco-web:1.0.1", "memory": 256, "user": "10001", "readonlyRootFilesystem": true,
               "environment": [{"name": "NODE_ENV", "value": "production"}],
               "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}],
               "logConfiguration": {"logDriver": "awslogs"}}]}
            """);
        await EcsAsync(http, moto, "CreateCluster", """{"clusterName": "coco-prod"}""");
        var (subnet, group) = await NetworkAsync(http, moto);
        foreach (var (name, task, assign) in new[] { ("coco-prod-api", "coco-prod-api", "ENABLED"), ("coco-prod-web", "coco-prod-web", "DISABLED") })
        {
            await EcsAsync(http, moto, "CreateService",
                $"{{\"cluster\": \"coco-prod\", \"serviceName\": \"{name}\", \"taskDefinition\": \"{task}\", \"desiredCount\": 1, \"launchType\": \"FARGATE\", " +
                $"\"networkConfiguration\": {{\"awsvpcConfiguration\": {{\"subnets\": [\"{subnet}\"], \"securityGroups\": [\"{group}\"], \"assignPublicIp\": \"{assign}\"}}}}}}");
        }
        // The web service's running task count is watched, by an alarm without actions of its own that a composite alarm
        // paging the team reads; the API's is not watched. moto has no composite alarms: their answer is served as AWS writes it.
        await QueryAsync(http, moto, [new("Action", "PutMetricAlarm"), new("Version", "2010-08-01"), new("AlarmName", "coco-prod-web-tasks"),
            new("Namespace", "ECS/ContainerInsights"), new("MetricName", "RunningTaskCount"), new("Statistic", "Minimum"), new("Period", "60"),
            new("EvaluationPeriods", "3"), new("Threshold", "1"), new("ComparisonOperator", "LessThanThreshold"),
            new("Dimensions.member.1.Name", "ClusterName"), new("Dimensions.member.1.Value", "coco-prod"),
            new("Dimensions.member.2.Name", "ServiceName"), new("Dimensions.member.2.Value", "coco-prod-web")], "monitoring");
        await using var cloudWatch = await FakeAws.StartAsync(upstream: moto.Endpoint);
        cloudWatch.On("monitoring:DescribeAlarms", "CompositeAlarm", FakeAnswer.Xml(await File.ReadAllTextAsync(TestPaths.Fixture("Aws/cloudwatch/composite-alarms.xml"))));

        var collection = await new AwsCollector(AwsTestSupport.Options(cloudWatch.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("ecs");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(CloudResource r) => findings.For(r.Provenance.Arn!).Select(f => f.RuleId).Where(EcsRules.Contains).Distinct().Order().ToArray();
        var tasks = collection.Resources.OfType<EcsTaskDefinition>().ToDictionary(t => t.Id);
        Rules(tasks["coco-prod-api"]).ShouldBe(["RDY1601", "RDY1623", "RDY4101", "RDY4102", "RDY4103", "RDY4105"]);
        Rules(tasks["coco-prod-agent"]).ShouldBe(["RDY1601", "RDY1622"]);
        Rules(tasks["coco-prod-web"]).ShouldBeEmpty();
        var services = collection.Resources.OfType<EcsService>().ToDictionary(s => s.Id);
        Rules(services["coco-prod-api"]).ShouldBe(["RDY4104", "RDY4708"]);
        Rules(services["coco-prod-web"]).ShouldBeEmpty();

        // The inventory keeps what the rules need (the kind of each value, its HMAC), never the value itself.
        var json = AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources });
        json.ShouldNotContain("Pr0d-db-passw0rd-2024");
        var read = AwsInventoryFile.Deserialize(json, "memory");
        var api = read.Resources.OfType<EcsTaskDefinition>().Single(t => t.Id == "coco-prod-api").Containers.Known!.Single();
        api.Environment.Single(e => e.Name == "DB_PASSWORD").Kind.ShouldBe(Value<EnvironmentValueKind>.Of(EnvironmentValueKind.Literal));
        // A debug setting's value is kept (it is never a secret name), so a recorded account is judged as the live one.
        api.Environment.Single(e => e.Name == "NODE_ENV").Setting.ShouldBe("development");
        api.Environment.Single(e => e.Name == "DB_PASSWORD").Setting.ShouldBeNull();
        read.Resources.OfType<CompositeAlarm>().Single().Alarms.Known.ShouldBe(["coco-prod-web-tasks", "coco-prod-web-5xx"]);
        string[] Recorded = ["RDY1623", "RDY4101", "RDY4105", "RDY4708"];
        AwsTestSupport.Judge(read.Resources).Where(f => Recorded.Contains(f.RuleId)).Select(f => f.Fingerprint).Order()
            .ShouldBe(findings.Where(f => Recorded.Contains(f.RuleId)).Select(f => f.Fingerprint).Order());
        read.Resources.OfType<EcsService>().Single(s => s.Id == "coco-prod-api").AssignPublicIp.ShouldBe(Value<bool>.Of(true));
    }

    /// <summary>One ECS JSON 1.1 call; moto routes by the credential scope and does not check the signature.</summary>
    private static async Task EcsAsync(HttpClient http, MotoServer moto, string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One Query API call (IAM, EC2); returns the answer's body.</summary>
    private static async Task<string> QueryAsync(HttpClient http, MotoServer moto, List<KeyValuePair<string, string>> form, string service = "iam")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return body;
    }

    /// <summary>A subnet and a security group for the services' awsvpc configuration (moto checks that they exist).</summary>
    private static async Task<(string Subnet, string SecurityGroup)> NetworkAsync(HttpClient http, MotoServer moto)
    {
        static string Field(string xml, string name) => System.Xml.Linq.XDocument.Parse(xml).Descendants().First(e => e.Name.LocalName == name).Value;
        var vpc = Field(await QueryAsync(http, moto, [new("Action", "CreateVpc"), new("Version", "2016-11-15"), new("CidrBlock", "10.0.0.0/16")], "ec2"), "vpcId");
        var subnet = Field(await QueryAsync(http, moto, [new("Action", "CreateSubnet"), new("Version", "2016-11-15"), new("VpcId", vpc), new("CidrBlock", "10.0.1.0/24")], "ec2"), "subnetId");
        var group = Field(await QueryAsync(http, moto, [new("Action", "CreateSecurityGroup"), new("Version", "2016-11-15"), new("VpcId", vpc), new("GroupName", "tasks"), new("GroupDescription", "tasks")], "ec2"), "groupId");
        return (subnet, group);
    }
}
