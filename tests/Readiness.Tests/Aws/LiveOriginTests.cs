using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Tests.Aws;

/// <summary>
/// Live values carry their origin: the resource's ARN and the API field each attribute was read from
/// (<c>LiveFields</c> of each service), shown in a finding's location as an IaC value shows file:line, and kept by the inventory.
/// </summary>
public sealed class LiveOriginTests(MotoCollectionTests.SeededMoto fixture) : IClassFixture<MotoCollectionTests.SeededMoto>
{
    private string Seeded(string name) => fixture.Seeded.GetProperty(name).GetString()!;

    [Fact]
    public async Task A_live_finding_names_the_api_field_its_value_was_read_from_and_the_inventory_keeps_it()
    {
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(fixture.Server.Endpoint), http).CollectAsync(CancellationToken.None);
        var bad = Seeded("badDbArn");

        var db = collection.Resources.OfType<DbInstance>().Single(d => d.Provenance.Arn == bad);
        db.PubliclyAccessible.Origin.ShouldBe(ValueOrigin.Live(bad, "DescribeDBInstances.DBInstances[].PubliclyAccessible"));
        var bucket = collection.Resources.OfType<S3Bucket>().Single(b => b.Id == "alva-uploads");
        bucket.Policy.Origin!.Field.ShouldBe("GetBucketPolicy.Policy");

        var publicDb = AwsTestSupport.Judge(collection.Resources).For(bad).Single(f => f.RuleId == "RDY2001");
        publicDb.Location.Field.ShouldBe("DescribeDBInstances.DBInstances[].PubliclyAccessible");
        publicDb.Location.Display().ShouldBe($"{bad} (DescribeDBInstances.DBInstances[].PubliclyAccessible)");

        // Read back from an inventory file, the finding points at the same field.
        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        AwsTestSupport.Judge(read.Resources).For(bad).Single(f => f.RuleId == "RDY2001").Location.Field
            .ShouldBe("DescribeDBInstances.DBInstances[].PubliclyAccessible");
    }
}
