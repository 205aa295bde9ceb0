using System.Diagnostics;
using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Results;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// Issue 14's "Done when" on the bundled sample: an ALB with an old TLS policy and no WAF, a task definition with a
/// plaintext database password, a Redis replication group without encryption or AUTH, a public ECR policy and a
/// Lambda URL without auth, and the function's log group that nothing declares (issue 15's last operations control), are
/// each reported at their Terraform line, on the sample's recorded account
/// (aws/inventory.json) and on an emulator account seeded the same way; the hardened twin reports none of them.
/// </summary>
public sealed class CocoStackSampleTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-coco-stack-");

    public void Dispose() => output.Delete(recursive: true);

    private static readonly string[] StackRules = ["RDY4001", "RDY4005", "RDY4101", "RDY4112", "RDY4201", "RDY4301", "RDY4302", "RDY4303", "RDY4706"];

    private const string Account = "123456789012";
    private const string LoadBalancerArn = $"arn:aws:elasticloadbalancing:us-east-1:{Account}:loadbalancer/app/coco-prod-alb/3c0c0a1b2c3d4e5f";
    private const string WorkerArn = $"arn:aws:ecs:us-east-1:{Account}:task-definition/coco-prod-worker:1";
    private const string RedisArn = $"arn:aws:elasticache:us-east-1:{Account}:replicationgroup:coco-prod-redis";
    private const string RepositoryArn = $"arn:aws:ecr:us-east-1:{Account}:repository/coco-api";
    private const string WebhookArn = $"arn:aws:lambda:us-east-1:{Account}:function:coco-prod-stripe-webhook";

    /// <summary>Each control on the recorded account, by the ARN of the resource that breaks it.</summary>
    private static readonly (string Rule, string Arn)[] Recorded =
    [
        ("RDY4001", LoadBalancerArn), ("RDY4005", LoadBalancerArn), ("RDY4101", WorkerArn), ("RDY4112", RepositoryArn), ("RDY4201", WebhookArn),
        ("RDY4301", RedisArn), ("RDY4302", RedisArn), ("RDY4303", RedisArn), ("RDY4706", WebhookArn),
    ];

    [Fact]
    public void The_sample_reports_each_control_at_its_line_and_on_its_recorded_account()
    {
        var findings = Scan("coco-testai", expectedExit: 1);
        findings.Where(f => f.Location.File is not null && !f.Undecided)
            .Select(f => (f.RuleId, $"{f.Location.File!.Path}:{f.Location.File.StartLine}"))
            .Where(f => StackRules.Contains(f.RuleId)).Distinct().Order().ToArray()
            .ShouldBe(new[]
            {
                ("RDY4001", "infrastructure/terraform/modules/ecs/https.tf:7"),
                ("RDY4005", "infrastructure/terraform/modules/ecs/main.tf:82"),
                ("RDY4101", "infrastructure/terraform/modules/ecs/worker.tf:21"),
                ("RDY4112", "infrastructure/terraform/ecr.tf:8"),
                ("RDY4201", "infrastructure/terraform/lambda.tf:25"),
                ("RDY4301", "infrastructure/terraform/cache.tf:8"),
                ("RDY4302", "infrastructure/terraform/cache.tf:8"),
                ("RDY4303", "infrastructure/terraform/cache.tf:8"),
                ("RDY4706", "infrastructure/terraform/lambda.tf:16"),
            }.Order().ToArray());
        foreach (var (rule, arn) in Recorded)
            findings.ShouldContain(f => f.RuleId == rule && f.Location.Resource != null && f.Location.Resource.Arn == arn, $"{rule} on {arn}");
    }

    [Fact]
    public void With_the_production_variables_each_live_finding_points_at_its_terraform_definition()
    {
        // Without them the resource names are `${var.project}-${var.environment}-...` with no environment, so a live
        // resource cannot be told from another of its type and stays unlinked rather than guessed.
        var findings = Scan("coco-testai", expectedExit: 1,
            "--var-file", Path.Combine(TestPaths.Samples, "coco-testai", "infrastructure", "terraform", "environments", "prod", "terraform.tfvars"));
        var live = findings.Where(f => f.Source == Readiness.Rules.Model.EvidenceSource.Aws && StackRules.Contains(f.RuleId) && f.Location.Resource?.Arn is not null).ToList();
        live.Select(f => (f.RuleId, f.Location.Resource!.Arn!)).Distinct().Order().ShouldBe(Recorded.Order());
        live.Select(f => (f.RuleId, f.Location.File?.Path)).Distinct().Order().ToArray().ShouldBe(new (string, string?)[]
        {
            ("RDY4001", "infrastructure/terraform/modules/ecs/main.tf"),
            ("RDY4005", "infrastructure/terraform/modules/ecs/main.tf"),
            ("RDY4101", "infrastructure/terraform/modules/ecs/worker.tf"),
            ("RDY4112", "infrastructure/terraform/ecr.tf"),
            ("RDY4201", "infrastructure/terraform/lambda.tf"),
            ("RDY4301", "infrastructure/terraform/cache.tf"),
            ("RDY4302", "infrastructure/terraform/cache.tf"),
            ("RDY4303", "infrastructure/terraform/cache.tf"),
            ("RDY4706", "infrastructure/terraform/lambda.tf"),
        }.Order().ToArray());
    }

    [Fact]
    public void The_hardened_sample_reports_none_of_them()
    {
        var findings = Scan("coco-testai-hardened", expectedExit: 0);
        findings.Where(f => StackRules.Contains(f.RuleId))
            .Select(f => $"{f.RuleId} {f.Location.File?.Path ?? f.Location.Resource?.Arn}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_emulator_account_seeded_like_the_sample_is_judged_as_its_recorded_account(bool hardened)
    {
        await using var moto = await MotoServer.StartAsync();
        var seededAccount = await SeedAsync(moto, hardened);
        // moto keeps the web ACL association but lacks ListResourcesForWebACL; this endpoint answers it from moto's own
        // association (GetWebACLForResource, read by the seed script) and forwards every other call to moto.
        await using var aws = await FakeAws.StartAsync(upstream: moto.Endpoint);
        var associated = seededAccount.GetProperty("web_acl").ValueKind == JsonValueKind.String;
        var balancerArn = seededAccount.GetProperty("load_balancer").GetString()!;
        aws.OnEach("wafv2:ListResourcesForWebACL", _ => FakeAnswer.Json(associated ? $$"""{"ResourceArns":["{{balancerArn}}"]}""" : """{"ResourceArns":[]}"""));
        using var http = new HttpClient();
        var collection = await new AwsCollector(AwsTestSupport.Options(aws.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        associated.ShouldBe(hardened);
        collection.Resources.OfType<LoadBalancer>().Single(b => b.Id == "coco-prod-alb").WebAclArn.Known.ShouldBe(hardened ? seededAccount.GetProperty("web_acl").GetString() : null);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();

        // moto gives the load balancer a random id in its ARN; the sample records it as 3c0c0a1b2c3d4e5f.
        var seededBalancer = balancerArn;
        var seeded = AwsTestSupport.Judge(collection.Resources).Where(f => StackRules.Contains(f.RuleId))
            .Select(f => (f.RuleId, f.Location.Resource?.Arn == seededBalancer ? LoadBalancerArn : f.Location.Resource?.Arn)).Distinct().Order().ToArray();
        var expected = hardened ? Array.Empty<(string, string?)>() : Recorded.Select(r => (r.Rule, (string?)r.Arn)).Order().ToArray();
        seeded.ShouldBe(expected);

        // The sample's recorded block is this collection: the same records, judged alike.
        var sample = AwsInventoryFile.Load(Path.Combine(TestPaths.Samples, hardened ? "coco-testai-hardened" : "coco-testai", "aws", "inventory.json"));
        AwsTestSupport.Judge(sample.Resources).Where(f => StackRules.Contains(f.RuleId))
            .Select(f => (f.RuleId, f.Location.Resource?.Arn)).Distinct().Order().ToArray().ShouldBe(expected);
    }

    private List<Readiness.Rules.Model.Finding> Scan(string sample, int expectedExit, params string[] extra)
    {
        var run = CliRunner.Run(["scan", Path.Combine(TestPaths.Samples, sample), "--format", "json", "--output-dir", output.FullName, .. extra]);
        run.ExitCode.ShouldBe(expectedExit, run.Stdout + run.Stderr);
        return ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json"))).Findings.Select(f => f.Finding).ToList();
    }

    /// <summary>Runs seed_coco_stack.py; returns what it prints: the load balancer's ARN and the web ACL moto holds for it.</summary>
    private static async Task<JsonElement> SeedAsync(MotoServer moto, bool hardened)
    {
        string[] arguments = hardened ? [Path.Combine(TestPaths.Fixtures, "Aws", "seed_coco_stack.py"), moto.Endpoint.ToString(), "--hardened"]
            : [Path.Combine(TestPaths.Fixtures, "Aws", "seed_coco_stack.py"), moto.Endpoint.ToString()];
        using var process = Process.Start(new ProcessStartInfo("python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await errors);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
