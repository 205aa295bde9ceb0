using System.Diagnostics;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Issue 15's "Done when" on an emulator account: seeded like the bundled sample (seed_coco_part2.py), its CI role
/// trusts any repository of the organisation, its KMS key is shared with "*", its uploads bucket is world-readable, its
/// production database accepts plaintext connections, and nothing alarms on the load balancer and no budget exists;
/// collected by <see cref="AwsCollector"/>, each control is reported on the resource that breaks it, and the hardened
/// account reports none of them. The bundled sample's Terraform and recorded account are checked by the scan tests.
/// </summary>
public sealed class CocoPart2SampleTests
{
    /// <summary>Issue 15's identity, key, storage, database TLS and operational controls.</summary>
    private static readonly string[] PartTwoRules =
    [
        "RDY2503", "RDY2504", "RDY2507", "RDY4501", "RDY4502", "RDY2601", "RDY2602", "RDY2603", "RDY2604", "RDY2605", "RDY2606",
        "RDY2006", "RDY4701", "RDY4702", "RDY4703", "RDY4704", "RDY4705",
    ];

    private const string Account = "123456789012";

    [Fact]
    public async Task The_seeded_account_reports_each_control_on_the_resource_that_breaks_it()
    {
        var collection = await CollectSeededAsync(hardened: false);
        var key = collection.Resources.OfType<KmsKey>().Single().Id;
        var loadBalancer = collection.Resources.OfType<LoadBalancer>().Single().Provenance.Arn;

        var findings = AwsTestSupport.Judge(collection.Resources).Where(f => PartTwoRules.Contains(f.RuleId)).ToList();
        findings.ShouldAllBe(f => !f.Undecided);
        findings.Select(f => (f.RuleId, f.Location.Resource!.Type, f.Location.Resource.Id)).Order().ToArray().ShouldBe(new[]
        {
            // The six: the CI role any repository can assume, the key shared with "*", the world-readable
            // bucket, the database that accepts plaintext, no alarm on the load balancer, no budget.
            ("RDY2504", "role", "coco-github-deploy"),
            ("RDY4502", "key", key),
            ("RDY2603", "bucket", "coco-prod-uploads"),
            ("RDY2006", "db-instance", "coco-prod-postgres"),
            ("RDY4702", "loadbalancer", "coco-prod-alb"),
            ("RDY4705", "settings", $"{Account}/global"),
            // What else the same resources break.
            ("RDY2507", "password-policy", $"{Account}/password-policy"),
            ("RDY4501", "key", key),
            ("RDY2601", "bucket", "coco-prod-uploads"),
            ("RDY2602", "bucket", "coco-prod-uploads"),
            ("RDY2605", "bucket", "coco-prod-uploads"),
            ("RDY2606", "bucket", "coco-prod-uploads"),
            ("RDY4701", "settings", $"{Account}/us-east-1"),
            ("RDY4703", "db-instance", "coco-prod-postgres"),
            ("RDY4704", "db-instance", "coco-prod-postgres"),
        }.Order().ToArray());

        // Each names the live resource by its ARN and the API field it was read from where the service declares one.
        findings.Single(f => f.RuleId == "RDY2504").Location.Resource!.Arn.ShouldBe($"arn:aws:iam::{Account}:role/coco-github-deploy");
        findings.Single(f => f.RuleId == "RDY2603").Location.Resource!.Arn.ShouldBe("arn:aws:s3:::coco-prod-uploads");
        findings.Single(f => f.RuleId == "RDY2006").Location.Resource!.Arn.ShouldBe($"arn:aws:rds:us-east-1:{Account}:db:coco-prod-postgres");
        findings.Single(f => f.RuleId == "RDY4702").Location.Resource!.Arn.ShouldBe(loadBalancer);
        findings.Single(f => f.RuleId == "RDY2006").Message.ShouldContain("coco-prod-postgres16");
    }

    [Fact]
    public async Task The_hardened_account_reports_none_of_them()
    {
        var collection = await CollectSeededAsync(hardened: true);
        // The hardened account holds the same resources, so "none" is not "nothing was read".
        collection.Resources.OfType<IamRole>().ShouldContain(r => r.Id == "coco-github-deploy");
        collection.Resources.OfType<KmsKey>().ShouldHaveSingleItem().RotationEnabled.Known.ShouldBeTrue();
        collection.Resources.OfType<S3Bucket>().ShouldContain(b => b.Id == "coco-prod-uploads");
        collection.Resources.OfType<DbInstance>().ShouldHaveSingleItem().TlsRequired!.Value.Known.ShouldBeTrue();
        collection.Resources.OfType<Budget>().ShouldHaveSingleItem();

        AwsTestSupport.Judge(collection.Resources).Where(f => PartTwoRules.Contains(f.RuleId))
            .Select(f => $"{f.RuleId} {f.Location.Resource?.Arn ?? f.Location.Resource?.Id}: {f.Message}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task What_the_samples_recorded_account_reports_of_these_controls_the_seeded_one_reports_too(bool hardened)
    {
        var seeded = Keys(AwsTestSupport.Judge((await CollectSeededAsync(hardened)).Resources));
        var sample = AwsInventoryFile.Load(Path.Combine(TestPaths.Samples, hardened ? "coco-testai-hardened" : "coco-testai", "aws", "inventory.json"));
        var recorded = Keys(AwsTestSupport.Judge(sample.Resources));
        if (!hardened) recorded.ShouldContain(("RDY2006", "coco-prod-postgres"));
        recorded.Except(seeded).ShouldBeEmpty();
    }

    private static (string Rule, string? Id)[] Keys(IEnumerable<Readiness.Rules.Model.Finding> findings) =>
        findings.Where(f => PartTwoRules.Contains(f.RuleId)).Select(f => (f.RuleId, f.Location.Resource?.Id)).Distinct().Order().ToArray();

    private static async Task<AwsCollection> CollectSeededAsync(bool hardened)
    {
        await using var moto = await MotoServer.StartAsync();
        string[] arguments = [Path.Combine(TestPaths.Fixtures, "Aws", "seed_coco_part2.py"), moto.Endpoint.ToString(), .. hardened ? new[] { "--hardened" } : []];
        using (var process = Process.Start(new ProcessStartInfo("python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!)
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, await errors);
        }
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        return collection;
    }
}
