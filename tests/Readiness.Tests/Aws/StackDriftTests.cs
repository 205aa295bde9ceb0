using Readiness.Rules.Catalog.Lambda;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Drift of the stack's services (issue 14): ECS task definitions and services, Lambda functions, ElastiCache
/// replication groups and API Gateway APIs. Fixtures/Aws/drift-stack holds the hardened Terraform, annotated where
/// each drift finding must point, and the live account as console changes left it (live-inventory.json).
/// </summary>
public sealed class StackDriftTests
{
    private const string Folder = "Aws/drift-stack";
    private static readonly string[] DriftRules = ["RDY2970", "RDY2971", "RDY2972", "RDY2973", "RDY2974"];

    private static (List<CloudResource> Resources, int Linked) Linked()
    {
        var code = IacFixtureVerifier.Scan(Folder);
        code.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        var live = AwsInventoryFile.Load(TestPaths.Fixture(Folder + "/live-inventory.json")).Resources;
        var all = code.Resources.Concat(live).ToList();
        return (all, AwsLinker.Link(all));
    }

    [Fact]
    public void Each_live_resource_links_to_its_definition_though_the_ids_differ()
    {
        var (resources, linked) = Linked();
        CloudResource Live<T>(string id, string? protocol = null) where T : CloudResource =>
            resources.OfType<T>().Single(r => r.Provenance.IsLive && r.Id == id && (protocol is null || (r as GatewayApi)?.Protocol == protocol));
        string? DefinedAt<T>(string id, string? protocol = null) where T : CloudResource => Live<T>(id, protocol).Definition?.Provenance.Address;

        // The task definition's ARN carries the revision (:7) the code never names; the family links them.
        Live<EcsTaskDefinition>("shop-worker").Provenance.Arn.ShouldEndWith("task-definition/shop-worker:7");
        DefinedAt<EcsTaskDefinition>("shop-worker").ShouldBe("aws_ecs_task_definition.worker");
        DefinedAt<EcsTaskDefinition>("shop-api").ShouldBe("aws_ecs_task_definition.api");
        DefinedAt<EcsService>("shop-api").ShouldBe("aws_ecs_service.api");
        DefinedAt<LambdaFunction>("shop-webhook").ShouldBe("aws_lambda_function.webhook");
        DefinedAt<LambdaFunction>("shop-thumbnails").ShouldBe("aws_lambda_function.thumbnails");
        DefinedAt<CacheReplicationGroup>("shop-sessions").ShouldBe("aws_elasticache_replication_group.sessions");
        DefinedAt<GatewayApi>("shop-orders").ShouldBe("aws_api_gateway_rest_api.orders");
        DefinedAt<GatewayApi>("shop-events", "HTTP").ShouldBe("aws_apigatewayv2_api.events");
        // Another team's REST API of the same name is not the HTTP API the code declares.
        DefinedAt<GatewayApi>("shop-events", GatewayApi.Rest).ShouldBeNull();
        linked.ShouldBe(8, "nine live resources, one of them the other team's API");
    }

    [Fact]
    public void Live_resources_weaker_than_their_code_are_reported_at_the_definitions_line()
    {
        var (resources, _) = Linked();
        var findings = IacFixtureVerifier.RunCloudRules(resources).Where(f => DriftRules.Contains(f.RuleId)).ToList();
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));

        findings.ShouldAllBe(f => f.Source == EvidenceSource.Aws && f.Location.Resource!.Arn != null && f.Location.File!.Path == Folder + "/stack.tf", dump);
        var file = new SourceFile(Folder + "/stack.tf", File.ReadAllText(TestPaths.Fixture(Folder + "/stack.tf")));
        var expected = Annotations.FromComments(file).Where(e => DriftRules.Contains(e.RuleId)).ToList();
        AnnotationCheck.Compare(expected, findings, f => f.Location.File!.StartLine, file.Path).ShouldBeEmpty(dump);

        findings.ShouldAllBe(f => f.Message.EndsWith('.'));
        // The secret itself never reaches a finding; the variable's name does.
        var secret = findings.Single(f => f.Properties["attribute"] == "environment DB_PASSWORD");
        secret.Snippet.ShouldBe("DB_PASSWORD=<redacted>");
        secret.Message.ShouldContain("holds DB_PASSWORD in its plain environment in the live account but its code (aws_ecs_task_definition.worker) does not");
        findings.Single(f => f.RuleId == "RDY2972" && f.Properties["attribute"] == "Runtime").Properties["live"].ShouldBe("python3.9");
        findings.Where(f => f.RuleId == "RDY2973").Select(f => f.Properties["attribute"]).Order().ShouldBe(["AuthEnabled", "TransitEncryptionEnabled"]);
        // The removed authorizer blocks; the lost stage logs and web ACL are medium.
        findings.Where(f => f.RuleId == "RDY2974").Select(f => (f.Properties["attribute"], f.Severity)).Order().ShouldBe(new[]
        {
            ("access logs prod", Severity.Medium), ("authorization GET /orders", Severity.High), ("web ACL prod", Severity.Medium),
        });
    }

    [Fact]
    public void Unlinked_live_resources_are_not_judged_as_drift()
    {
        var live = AwsInventoryFile.Load(TestPaths.Fixture(Folder + "/live-inventory.json")).Resources;
        IacFixtureVerifier.RunCloudRules(live).Where(f => DriftRules.Contains(f.RuleId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("python3.9", "python3.12", true)]
    [InlineData("python3.12", "python3.9", false)]
    [InlineData("nodejs18.x", "nodejs20.x", true)]
    [InlineData("nodejs22.x", "nodejs20.x", false)]
    [InlineData("java11", "java17", true)]
    [InlineData("python3.12", "python3.12", false)]
    [InlineData("nodejs16.x", "python3.12", false)]
    [InlineData("provided.al2", "provided.al2023", false)]
    public void A_runtime_is_older_only_than_a_newer_version_of_its_own_language(string runtime, string than, bool older) =>
        LambdaFunctionDrift.Older(runtime, than).ShouldBe(older);
}
