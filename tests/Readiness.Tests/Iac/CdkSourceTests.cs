using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Files;
using Readiness.Runner.Sources.Iac.Cdk;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>CDK constructs judged at their source line when no synthesized template is present, and never twice when one is.</summary>
public class CdkSourceTests
{
    [Fact]
    public void TypeScript_constructs_are_judged_at_the_line_that_sets_each_property() =>
        IacFixtureVerifier.Verify("Cdk/typescript");

    [Fact]
    public void Python_constructs_are_judged_at_the_line_that_sets_each_keyword_argument() =>
        IacFixtureVerifier.Verify("Cdk/python");

    [Fact]
    public void Source_constructs_are_the_same_model_resources_the_rds_and_security_group_rules_judge()
    {
        var scan = IacFixtureVerifier.Scan("Cdk/typescript");
        var orders = scan.Resources.OfType<DbInstance>().Single(d => d.Id == "Orders");
        orders.Provenance.File.ShouldBe("Cdk/typescript/lib/data-stack.ts");
        orders.Engine.ShouldBe("postgres");
        orders.DeletionProtection.Known.ShouldBeFalse();
        orders.DeletionProtection.Origin!.Line.ShouldBe(20);
        scan.Resources.OfType<DbInstance>().Single(d => d.Id == "Ledger").IsCluster.ShouldBeTrue();
        var bastion = scan.Resources.OfType<SecurityGroup>().Single(g => g.Id == "Bastion");
        bastion.Ingress.Count.ShouldBe(4); // the rule from another group admits no CIDR and is left out
        scan.Coverage.Counts["iac.cdk-source-files"].ShouldBe(1);
    }

    [Fact]
    public void With_a_synthesized_template_the_template_is_judged_and_the_source_is_not_read()
    {
        var scan = IacFixtureVerifier.Verify("Cdk/synthesized-wins");
        scan.Resources.OfType<DbInstance>().ShouldHaveSingleItem().Provenance.File.ShouldBe("Cdk/synthesized-wins/cdk.out/AppStack.template.json");
        scan.Coverage.Counts.ContainsKey("iac.cdk-source-files").ShouldBeFalse();
    }

    [Fact]
    public async Task A_gitignored_cdk_out_on_disk_still_wins_over_the_source()
    {
        var root = TestPaths.Fixture("Cdk/gitignored-out");
        var sources = new IEvidenceSource[] { new CloudFormationSource(root), new CdkSource(root) };
        var walked = new List<string>();
        new FileWalker(new FileWalkOptions()).Walk(root, file =>
        {
            lock (walked) walked.Add(file.Path);
            foreach (var source in sources) source.Observe(file);
        }, new Coverage());
        walked.ShouldContain("lib/app-stack.ts");
        walked.ShouldNotContain(p => p.StartsWith("cdk.out/", StringComparison.Ordinal)); // the walker honours .gitignore

        var collector = new EvidenceCollector();
        foreach (var source in sources) await source.CollectAsync(collector, CancellationToken.None);
        var database = collector.Resources.OfType<DbInstance>().ShouldHaveSingleItem();
        database.Provenance.Address.ShouldBe("AppStack/Database/Resource (DatabaseB269D8BB)");
        var finding = IacFixtureVerifier.RunCloudRules(collector.Resources).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RDY2002");
        finding.Location.File!.Path.ShouldBe("cdk.out/AppStack.template.json");
    }

    [Fact]
    public async Task Without_cdk_out_the_same_app_is_judged_from_its_source()
    {
        var root = Directory.CreateTempSubdirectory("readiness-cdk-").FullName;
        try
        {
            var app = TestPaths.Fixture("Cdk/gitignored-out");
            File.Copy(Path.Combine(app, "cdk.json"), Path.Combine(root, "cdk.json"));
            Directory.CreateDirectory(Path.Combine(root, "lib"));
            File.Copy(Path.Combine(app, "lib", "app-stack.ts"), Path.Combine(root, "lib", "app-stack.ts"));
            var source = new CdkSource(root);
            new FileWalker(new FileWalkOptions()).Walk(root, source.Observe, new Coverage());
            var collector = new EvidenceCollector();
            await source.CollectAsync(collector, CancellationToken.None);

            var finding = IacFixtureVerifier.RunCloudRules(collector.Resources).ShouldHaveSingleItem();
            finding.RuleId.ShouldBe("RDY2002");
            finding.Location.File!.Path.ShouldBe("lib/app-stack.ts");
            finding.Location.File.StartLine.ShouldBe(15); // deletionProtection: false
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
