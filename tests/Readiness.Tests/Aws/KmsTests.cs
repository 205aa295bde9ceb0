using System.Text;
using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>KMS keys: rotation and key policies, judged alike from Terraform, CloudFormation and a live (moto) account, and recorded in the inventory.</summary>
public sealed class KmsTests
{
    private static readonly string[] KmsRules = ["RDY4501", "RDY4502"];

    [Theory]
    [InlineData("Terraform/kms")]
    [InlineData("CloudFormation/kms")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task Live_keys_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        // moto's credential report lists IAM users only; one user makes the emulated account look like a real one.
        await MotoCalls.QueryAsync(http, moto, "iam", ("Action", "CreateUser"), ("Version", "2010-05-08"), ("UserName", "deploy"));
        var open = await CreateKeyAsync(http, moto, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}""");
        var hardened = await CreateKeyAsync(http, moto, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}""");
        await MotoCalls.JsonAsync(http, moto, "kms", "TrentService.EnableKeyRotation", $$"""{"KeyId":"{{hardened}}"}""");

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("kms");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string id) => findings.For($"arn:aws:kms:us-east-1:123456789012:key/{id}").Select(f => f.RuleId).Where(KmsRules.Contains).Distinct().Order().ToArray();
        Rules(open).ShouldBe(KmsRules);
        Rules(hardened).ShouldBeEmpty();

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var key = read.Resources.OfType<KmsKey>().Single(k => k.Id == hardened);
        key.RotationEnabled.ShouldBe(Value<bool>.Of(true));
        key.KeyState.ShouldBe("Enabled");
        AwsTestSupport.Judge(read.Resources).Where(f => KmsRules.Contains(f.RuleId)).Count().ShouldBe(findings.Count(f => KmsRules.Contains(f.RuleId)));
    }

    private static async Task<string> CreateKeyAsync(HttpClient http, MotoServer moto, string policy)
    {
        var answer = await MotoCalls.JsonAsync(http, moto, "kms", "TrentService.CreateKey", JsonSerializer.Serialize(new { Policy = policy, Description = "test" }));
        return answer.GetProperty("KeyMetadata").GetProperty("KeyId").GetString()!;
    }
}

/// <summary>Seeding calls to moto, which routes by the credential scope and does not check the signature.</summary>
internal static class MotoCalls
{
    private static string Authorization(string service) =>
        $"AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0";

    /// <summary>One Query API call (IAM, ELB, ElastiCache).</summary>
    public static async Task QueryAsync(HttpClient http, MotoServer moto, string service, params (string Name, string Value)[] parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint)
        {
            Content = new FormUrlEncodedContent(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One JSON 1.1 call (KMS, ACM, Cognito); returns the answer.</summary>
    public static async Task<JsonElement> JsonAsync(HttpClient http, MotoServer moto, string service, string target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        return doc.RootElement.Clone();
    }
}
