using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// API Gateway REST, HTTP and WebSocket APIs with their methods or routes and stages: judged alike from Terraform,
/// CloudFormation (CDK and SAM) and a live (moto) account, linked to their definition, and recorded in the inventory.
/// </summary>
public sealed class ApiGatewayTests
{
    private static readonly string[] ApiRules = ["RDY4250", "RDY4251", "RDY4252", "RDY4253"];

    [Theory]
    [InlineData("Terraform/apigateway")]
    [InlineData("CloudFormation/apigateway")]
    [InlineData("Terraform/apigateway-openapi")]
    [InlineData("CloudFormation/apigateway-openapi")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public void Operations_come_from_openapi_bodies_and_a_definition_that_cannot_be_read_is_named()
    {
        var terraform = IacFixtureVerifier.Scan("Terraform/apigateway-openapi").Resources.OfType<GatewayApi>().ToDictionary(a => a.Provenance.Address!);
        terraform["aws_api_gateway_rest_api.orders"].Operations.Select(o => (o.Display, o.AuthorizationType.Known!, o.ApiKeyRequired.Known)).Order().ShouldBe(new[]
        {
            ("ANY /admin", "AWS_IAM", false), ("GET /health", "NONE", false), ("GET /orders", "COGNITO_USER_POOLS", false), ("POST /orders", "NONE", true),
        });
        terraform["aws_apigatewayv2_api.events"].Operations.Select(o => (o.Display, o.AuthorizationType.Known!)).Order().ShouldBe(new[] { ("GET /events", "NONE"), ("POST /events", "JWT") });
        terraform["aws_api_gateway_rest_api.partners"].Operations.Single().AuthorizationType.IsKnown.ShouldBeFalse();
        terraform["aws_api_gateway_rest_api.billing"].UnreadDefinition.ShouldBe("file(\"${path.module}/billing-openapi.yaml\")");
        terraform["aws_api_gateway_rest_api.orders"].UnreadDefinition.ShouldBeNull();

        var template = IacFixtureVerifier.Scan("CloudFormation/apigateway-openapi").Resources.OfType<GatewayApi>().ToDictionary(a => a.Provenance.Address!);
        template["EventsApi"].Operations.Select(o => (o.Display, o.AuthorizationType.Known!)).Order().ShouldBe(new[] { ("GET /events", "NONE"), ("POST /events", "JWT"), ("POST /replay", "AWS_IAM") });
        template["BillingApi"].UnreadDefinition.ShouldBe("BodyS3Location s3://shop-api-definitions/billing/openapi.yaml");
        template["ReportsApi"].UnreadDefinition.ShouldBe("DefinitionUri s3://shop-api-definitions/reports/openapi.yaml");
        var undecided = IacFixtureVerifier.Scan("CloudFormation/apigateway-openapi").Findings.Single(f => f.RuleId == "RDY4250" && f.Location.Resource?.Address == "BillingApi");
        undecided.Undecided.ShouldBeTrue();
        undecided.Message.ShouldBe("Cannot decide whether the operations of REST API BillingApi require authorization: its OpenAPI definition comes from 'BodyS3Location s3://shop-api-definitions/billing/openapi.yaml', which the scan cannot read. Write the definition inline (jsonencode in the body, or Body / DefinitionBody in the template) so it can be checked.");
    }

    [Theory]
    [InlineData("Terraform/apigateway", "aws_api_gateway_rest_api.shop", "aws_api_gateway_rest_api.admin")]
    [InlineData("CloudFormation/apigateway", "ShopApi", "AdminApi")]
    public void An_open_method_blocks_on_production_only(string folder, string production, string staging)
    {
        var open = IacFixtureVerifier.Scan(folder).Findings.Where(f => f.RuleId == "RDY4250" && !f.Undecided).ToList();
        open.Single(f => f.Location.Resource!.Address == production).Severity.ShouldBe(Severity.High);
        open.Single(f => f.Location.Resource!.Address == staging).Severity.ShouldBe(Severity.Medium);
    }

    [Fact]
    public async Task Live_apis_are_judged_by_arn_linked_to_their_definition_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        var seeded = await moto.SeedAsync(script: "seed_apigateway.py");
        // moto lacks ListResourcesForWebACL (the load balancers' WAF join); AWS answers it so for an ACL that protects only API stages.
        await using var aws = await FakeAws.StartAsync(upstream: moto.Endpoint);
        aws.OnEach("wafv2:ListResourcesForWebACL", _ => FakeAnswer.Json("""{"ResourceArns":[]}"""));
        using var http = new HttpClient();

        var collection = await new AwsCollector(AwsTestSupport.Options(aws.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("apigateway");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string key) => findings.For(seeded.GetProperty(key).GetString()!).Select(f => f.RuleId).Where(ApiRules.Contains).Distinct().Order().ToArray();
        Rules("open_rest").ShouldBe(ApiRules);
        Rules("hardened_rest").ShouldBeEmpty();
        Rules("open_http").ShouldBe(["RDY4250", "RDY4251", "RDY4252"]);
        Rules("hardened_http").ShouldBeEmpty();
        findings.Single(f => f.RuleId == "RDY4250" && f.Location.Resource!.Id == "shop-prod").Message.ShouldContain("Method GET /orders of REST API shop-prod");

        var snapshot = new AwsInventoryFile.Snapshot { Resources = collection.Resources };
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(snapshot), "memory");
        var store = read.Resources.OfType<GatewayApi>().Single(a => a.Id == "store-prod");
        store.EndpointType.ShouldBe(Value<string>.Of("REGIONAL"));
        store.Operations.Single(o => o.Method == "GET").AuthorizationType.ShouldBe(Value<string>.Of("AWS_IAM"));
        var prod = store.Stages.ShouldHaveSingleItem();
        prod.ThrottlingRateLimit.ShouldBe(Value<double?>.Of(100));
        prod.WebAclArn.Known.ShouldStartWith("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/store/");
        read.Resources.OfType<GatewayApi>().Single(a => a.Id == "mobile-prod").Protocol.ShouldBe("HTTP");
        AwsTestSupport.Judge(read.Resources).Where(f => ApiRules.Contains(f.RuleId)).Select(f => f.Fingerprint).Order()
            .ShouldBe(findings.Where(f => ApiRules.Contains(f.RuleId)).Select(f => f.Fingerprint).Order(), "the recorded inventory is judged as the live account was");

        // Linked to the Terraform fixture that declares shop-prod, the live open method points at its declaration.
        var code = IacFixtureVerifier.Scan("Terraform/apigateway").Resources;
        var all = collection.Resources.Concat(code).ToList();
        AwsLinker.Link(all).ShouldBeGreaterThan(0);
        var linked = AwsTestSupport.Judge(all).Single(f => f.RuleId == "RDY4250" && f.Location.Resource!.Arn == seeded.GetProperty("open_rest").GetString());
        var fixture = File.ReadAllLines(Path.Combine(TestPaths.Fixtures, "Terraform/apigateway/main.tf"));
        linked.Location.File!.Path.ShouldBe("Terraform/apigateway/main.tf");
        linked.Location.File.StartLine.ShouldBe(Array.FindIndex(fixture, l => l.StartsWith("resource \"aws_api_gateway_method\" \"list_orders\"", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public async Task Apis_that_cannot_be_read_are_a_gap_and_pages_are_followed()
    {
        await using var denied = await FakeAws.StartAsync();
        denied.On("apigateway:/restapis", FakeAnswer.Json("""{"message":"User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: apigateway:GET"}""", 403));
        using var http = new HttpClient();
        var failed = await new AwsCollector(AwsTestSupport.Options(denied.Endpoint, "eu-west-2"), http).CollectAsync(CancellationToken.None);
        failed.Coverage.Gaps.Select(g => g.Display()).ShouldContain(g => g.Contains("/eu-west-2/apigateway") && g.Contains("GetRestApis"));
        failed.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "eu-west-2").ServicesRead.ShouldNotContain("apigateway");

        await using var paged = await FakeAws.StartAsync();
        paged.On("apigateway:/restapis",
            FakeAnswer.Json("""{"item":[{"id":"a1","name":"one-prod","endpointConfiguration":{"types":["EDGE"]}}],"position":"page-2"}"""),
            FakeAnswer.Json("""{"item":[{"id":"b2","name":"two-prod","endpointConfiguration":{"types":["PRIVATE"]}}]}"""));
        paged.On("apigateway:/restapis/a1/resources", FakeAnswer.Json("""{"item":[{"id":"r","path":"/","resourceMethods":{"GET":{"authorizationType":"NONE","apiKeyRequired":false}}}]}"""));
        paged.On("apigateway:/restapis/b2/resources", FakeAnswer.Json("""{"item":[]}"""));
        paged.On("apigateway:/restapis/a1/stages", FakeAnswer.Json("""{"item":[]}"""));
        paged.On("apigateway:/restapis/b2/stages", FakeAnswer.Json("""{"item":[]}"""));
        paged.On("apigateway:/v2/apis", FakeAnswer.Json("""{"items":[]}"""));
        var collection = await new AwsCollector(AwsTestSupport.Options(paged.Endpoint, "eu-west-2"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Where(g => g.Display().Contains("apigateway")).ShouldBeEmpty();
        paged.Count("apigateway:/restapis").ShouldBe(2);
        // Calls per region: the two list calls (one per page) plus two per API, as docs/aws.md says.
        paged.Requests.Count(r => r.Operation.StartsWith("apigateway:", StringComparison.Ordinal)).ShouldBe(2 + 1 + (2 * 2));
        var apis = collection.Resources.OfType<GatewayApi>().ToList();
        apis.Select(a => a.Id).Order().ShouldBe(["one-prod", "two-prod"]);
        apis.Single(a => a.Id == "two-prod").IsPrivate.ShouldBeTrue();
        AwsTestSupport.Judge(collection.Resources).Single(f => f.RuleId == "RDY4250").Location.Resource!.Id.ShouldBe("one-prod");
    }
}
