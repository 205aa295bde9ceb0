using Readiness.Rules.Model;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Iac;

/// <summary>
/// Public repositories nobody here wrote (Fixtures/RealWorld, each with a README naming source, commit and licence),
/// scanned as a user would: no gap on valid code, and exactly the findings its expected.yaml lists per root
/// ("RULE address", "undecided RULE address" for info-level ones; example roots marked).
/// </summary>
public class RealWorldCorpusTests
{
    [Theory]
    [InlineData("RealWorld/terraform-aws-rds")]
    [InlineData("RealWorld/terragoat")]
    [InlineData("RealWorld/aws-cdk-examples")]
    [InlineData("RealWorld/terraform-aws-alb")]
    [InlineData("RealWorld/terraform-aws-cloudfront")]
    [InlineData("RealWorld/terraform-aws-s3-bucket")]
    [InlineData("RealWorld/terraform-aws-security-group")]
    [InlineData("RealWorld/aws-cloudformation-templates")]
    [InlineData("RealWorld/awesome-compose")]
    [InlineData("RealWorld/cloudgoat")]
    public void Findings_per_root_match_the_expected_list(string corpus)
    {
        var scan = IacFixtureVerifier.Scan(corpus, new TerraformOptions { Root = TestPaths.Fixtures });
        var expected = Expected(corpus);

        scan.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        var actual = Actual(corpus, scan);
        var report = string.Join("\n", actual.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"  {kv.Key}:\n" + string.Join("\n", kv.Value.Select(f => "    - " + f))));
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), "roots with findings:\n" + report);
        foreach (var (root, findings) in expected) actual[root].Order(StringComparer.Ordinal).ShouldBe(findings.Order(StringComparer.Ordinal), $"findings of {root}:\n{report}");
    }

    [Theory]
    [InlineData("RealWorld/terraform-aws-rds")]
    [InlineData("RealWorld/terraform-aws-alb")]
    [InlineData("RealWorld/terraform-aws-cloudfront")]
    [InlineData("RealWorld/terraform-aws-s3-bucket")]
    [InlineData("RealWorld/terraform-aws-security-group")]
    public void A_module_library_has_only_example_roots_and_its_wrappers_and_submodules_are_not_roots(string corpus)
    {
        var scan = IacFixtureVerifier.Scan(corpus, new TerraformOptions { Root = TestPaths.Fixtures });
        var roots = scan.Resources.Select(r => r.Provenance.Root).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        roots.ShouldNotBeEmpty();
        roots.ShouldAllBe(r => r.StartsWith(corpus + "/examples/", StringComparison.Ordinal));
        scan.Resources.ShouldAllBe(r => r.Provenance.Root == null || r.Provenance.IsExampleRoot);
        scan.Findings.Where(f => f.Location.Resource is not null).ShouldAllBe(f => f.IsExample());
    }

    [Fact]
    public void Cdk_samples_are_judged_at_their_source_lines_and_synthesized_resources_carry_their_construct_path()
    {
        var scan = IacFixtureVerifier.Scan("RealWorld/aws-cdk-examples");
        var at = scan.Findings.Where(f => !f.Undecided).Select(f => $"{f.RuleId} {f.Location.File!.Path[("RealWorld/aws-cdk-examples/".Length)..]}:{f.Location.File.StartLine}").ToList();
        at.ShouldContain("RDY2002 python/rds/mysql/mysql.py:55"); // deletion_protection=False
        at.ShouldContain("RDY2101 typescript/ec2-instance/lib/constructs/vpc.ts:39"); // addIngressRule(Peer.anyIpv4(), Port.tcp(22))
        at.ShouldContain("RDY2102 typescript/secrets-manager-rotation/index.ts:32"); // Redis 6379 from ec2.Peer.anyIpv4()
        scan.Resources.Where(r => r.Provenance.File == "RealWorld/aws-cdk-examples/typescript/lexbot/cdk.out/LexbotStack.template.json")
            .Select(r => r.Provenance.Address).ShouldContain("LexbotStack/BotRuntimeRole/Resource (BotRuntimeRoleA485A341)");
    }

    /// <summary>Root (relative to the corpus, "." for a resource of no root) to its findings as "RULE address".</summary>
    private static Dictionary<string, List<string>> Actual(string corpus, IacScan scan)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var f in scan.Findings)
        {
            var root = f.Properties.TryGetValue(Finding.ExampleRootProperty, out var exampleRoot)
                ? exampleRoot
                : scan.Resources.Where(r => r.Provenance.Address == f.Location.Resource?.Address && r.Provenance.File == f.Location.File?.Path)
                    .Select(r => r.Provenance.Root).FirstOrDefault() ?? DirectoryOf(f.Location.File?.Path ?? corpus);
            var key = root.Length > corpus.Length ? root[(corpus.Length + 1)..] : ".";
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add($"{(f.Undecided ? "undecided " : "")}{f.RuleId} {f.Location.Resource?.Address ?? f.Location.File?.Display()}");
        }
        return result;
    }

    private static string DirectoryOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : ".";

    private static Dictionary<string, List<string>> Expected(string corpus)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(TestPaths.Fixture(corpus + "/expected.yaml"))));
        var roots = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["roots"];
        return roots.Children.ToDictionary(kv => kv.Key.ToString(),
            kv => ((YamlSequenceNode)kv.Value).Children.Select(c => c.ToString()).ToList(), StringComparer.Ordinal);
    }
}
