using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// ElastiCache replication groups, the first service added in the per-service shape: judged alike from Terraform,
/// CloudFormation and a live (moto) account, and recorded in the inventory.
/// </summary>
public sealed class ElastiCacheTests
{
    private static readonly string[] CacheRules = ["RDY4301", "RDY4302", "RDY4303", "RDY4304", "RDY4305"];

    [Theory]
    [InlineData("Terraform/elasticache")]
    [InlineData("CloudFormation/elasticache")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task Live_replication_groups_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        // moto's credential report lists IAM users only; a real one always has the root row, so an account with no
        // row at all is read as a gap. One user makes the emulated account look like a real one.
        await CallAsync(http, moto, "iam", [new("Action", "CreateUser"), new("Version", "2010-05-08"), new("UserName", "deploy")]);
        await CreateAsync(http, moto, "sessions-prod");
        await CreateAsync(http, moto, "cache-prod",
            ("AtRestEncryptionEnabled", "true"), ("TransitEncryptionEnabled", "true"), ("AuthToken", "a-token-of-at-least-sixteen-chars"),
            ("AutomaticFailoverEnabled", "true"), ("MultiAZEnabled", "true"), ("NumCacheClusters", "2"), ("SnapshotRetentionLimit", "7"));

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("elasticache");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string id) => findings.For($"arn:aws:elasticache:us-east-1:123456789012:replicationgroup:{id}")
            .Select(f => f.RuleId).Where(CacheRules.Contains).Distinct().Order().ToArray();
        Rules("sessions-prod").ShouldBe(CacheRules);
        Rules("cache-prod").ShouldBeEmpty();

        var snapshot = new AwsInventoryFile.Snapshot { Resources = collection.Resources };
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(snapshot), "memory");
        var cache = read.Resources.OfType<CacheReplicationGroup>().Single(g => g.Id == "cache-prod");
        cache.AtRestEncryptionEnabled.ShouldBe(Value<bool>.Of(true));
        cache.AuthEnabled.ShouldBe(Value<bool>.Of(true));
        cache.SnapshotRetentionLimit.ShouldBe(Value<int>.Of(7));
    }

    /// <summary>CreateReplicationGroup through the Query API; moto routes by the credential scope and does not check the signature.</summary>
    private static async Task CreateAsync(HttpClient http, MotoServer moto, string id, params (string Name, string Value)[] extra)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "CreateReplicationGroup"), new("Version", "2015-02-02"), new("ReplicationGroupId", id),
            new("ReplicationGroupDescription", id), new("Engine", "redis"), new("CacheNodeType", "cache.t4g.micro"),
        };
        form.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        await CallAsync(http, moto, "elasticache", form);
    }

    /// <summary>One Query API call; moto routes by the credential scope and does not check the signature.</summary>
    private static async Task CallAsync(HttpClient http, MotoServer moto, string service, List<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
