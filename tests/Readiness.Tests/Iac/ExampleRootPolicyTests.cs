using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>policy: { example_roots: report | ignore | block } on a module library whose only findings are in its examples.</summary>
public class ExampleRootPolicyTests
{
    private static async Task<ScanResult> Scan(string policy)
    {
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(TestPaths.Fixture($"Rulesets/example-roots/{policy}.yaml"), TestPaths.Repo);
        var options = new ScanOptions { Path = TestPaths.Fixture("Terraform/library"), FailOn = Severity.Low };
        return await new ScanPipeline(options, ruleset).RunAsync();
    }

    [Fact]
    public async Task By_default_example_findings_are_reported_at_their_severity_but_do_not_block()
    {
        var result = await Scan("report");
        var publicDb = result.Findings.Single(f => f.Finding.RuleId == "RDY2001").Finding;
        publicDb.IsExample().ShouldBeTrue();
        ((int)publicDb.Severity).ShouldBeGreaterThanOrEqualTo((int)Severity.High);
        result.Verdict.Status.ShouldBe(VerdictStatus.Ready);
        result.Verdict.Blocking.ShouldBe(0);
    }

    [Fact]
    public async Task Block_makes_example_findings_gate_the_launch()
    {
        var result = await Scan("block");
        result.Verdict.Status.ShouldBe(VerdictStatus.NotReady);
        result.Verdict.Blocking.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Ignore_leaves_example_findings_out()
    {
        var result = await Scan("ignore");
        result.Findings.ShouldNotContain(f => f.Finding.IsExample());
        result.Verdict.Status.ShouldBe(VerdictStatus.Ready);
    }

    [Fact]
    public async Task An_unknown_value_is_a_configuration_error_naming_file_and_line()
    {
        var error = await Should.ThrowAsync<ConfigurationError>(() => Scan("bad"));
        error.Message.ShouldContain("example_roots must be 'report', 'ignore' or 'block'");
    }
}
