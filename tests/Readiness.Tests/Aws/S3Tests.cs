using Amazon.S3;
using Amazon.S3.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;
using S3Bucket = Readiness.Rules.Model.Cloud.S3Bucket;

namespace Readiness.Tests.Aws;

/// <summary>
/// S3 bucket policies, ACLs and versioning: judged alike from Terraform, CloudFormation and a live (moto) account, and
/// recorded in the inventory.
/// </summary>
public sealed class S3Tests
{
    private static readonly string[] PolicyRules = ["RDY2603", "RDY2604", "RDY2605", "RDY2606"];

    [Theory]
    [InlineData("Terraform/s3")]
    [InlineData("CloudFormation/s3")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public async Task Live_buckets_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using (var s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
                   new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            await s3.PutBucketAsync("alva-backups-prod");
            // An explicit grant (moto's canned public-read-write grants READ only): everyone may write.
            await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = "alva-backups-prod", GrantWrite = "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"" });
            await s3.PutBucketPolicyAsync("alva-backups-prod", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::alva-backups-prod/*"}]}
                """);

            await s3.PutBucketAsync("hardened-backups-prod");
            await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = "hardened-backups-prod", VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
            await s3.PutBucketPolicyAsync("hardened-backups-prod", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::hardened-backups-prod","arn:aws:s3:::hardened-backups-prod/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
                """);
        }

        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region is null).ServicesRead.ShouldContain("s3");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string bucket) => findings.For($"arn:aws:s3:::{bucket}").Select(f => f.RuleId).Where(PolicyRules.Contains).Distinct().Order().ToArray();
        Rules("alva-backups-prod").ShouldBe(PolicyRules);
        Rules("hardened-backups-prod").ShouldBeEmpty();
        findings.For("arn:aws:s3:::alva-backups-prod").Single(f => f.RuleId == "RDY2604").Message.ShouldContain("world-writable through its public-read-write ACL");

        var snapshot = new AwsInventoryFile.Snapshot { Resources = collection.Resources };
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(snapshot), "memory");
        var bad = read.Resources.OfType<S3Bucket>().Single(b => b.Id == "alva-backups-prod");
        bad.Acl.ShouldBe(Value<string>.Of("public-read-write"));
        bad.Policy.Known!.Statements.ShouldHaveSingleItem().AllowsAnyone.ShouldBeTrue();
        var good = read.Resources.OfType<S3Bucket>().Single(b => b.Id == "hardened-backups-prod");
        good.VersioningEnabled.ShouldBe(Value<bool>.Of(true));
        good.Policy.Known!.Statements.ShouldHaveSingleItem().Conditions.ShouldHaveSingleItem().Key.ShouldBe("aws:SecureTransport");
        AwsTestSupport.Judge(read.Resources).For("arn:aws:s3:::alva-backups-prod").Select(f => f.RuleId).Where(PolicyRules.Contains).Distinct().Order().ShouldBe(PolicyRules);
    }
}
