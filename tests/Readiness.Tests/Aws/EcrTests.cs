using System.Text;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>ECR repositories: judged alike from Terraform, CloudFormation (CDK output) and a live (moto) account.</summary>
public sealed class EcrTests
{
    [Theory]
    [InlineData("Terraform/ecr")]
    [InlineData("CloudFormation/ecr")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    private static readonly string[] EcrRules = ["RDY4110", "RDY4111", "RDY4112"];

    [Fact]
    public async Task Live_repositories_and_their_policies_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        // moto's credential report lists IAM users only; one user makes the emulated account look like a real one.
        using (var user = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new FormUrlEncodedContent([new("Action", "CreateUser"), new("Version", "2010-05-08"), new("UserName", "deploy")]) })
        {
            user.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
            (await http.SendAsync(user)).IsSuccessStatusCode.ShouldBeTrue();
        }
        await EcrAsync(http, moto, "CreateRepository", """{"repositoryName": "coco-api"}""");
        await EcrAsync(http, moto, "SetRepositoryPolicy", """
            {"repositoryName": "coco-api", "policyText": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}"}
            """);
        await EcrAsync(http, moto, "CreateRepository", """{"repositoryName": "coco-web", "imageTagMutability": "IMMUTABLE", "imageScanningConfiguration": {"scanOnPush": true}}""");

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("ecr");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string name) => findings.For($"arn:aws:ecr:us-east-1:123456789012:repository/{name}").Select(f => f.RuleId).Where(EcrRules.Contains).Distinct().Order().ToArray();
        Rules("coco-api").ShouldBe(EcrRules);
        Rules("coco-web").ShouldBeEmpty();

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var api = read.Resources.OfType<EcrRepository>().Single(r => r.Id == "coco-api");
        api.Policy.Known!.Statements.Single().AllowsAnyone.ShouldBeTrue();
        read.Resources.OfType<EcrRepository>().Single(r => r.Id == "coco-web").ScanOnPush.ShouldBe(Value<bool>.Of(true));
    }

    /// <summary>One ECR JSON 1.1 call; moto routes by the credential scope and does not check the signature.</summary>
    private static async Task EcrAsync(HttpClient http, MotoServer moto, string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
