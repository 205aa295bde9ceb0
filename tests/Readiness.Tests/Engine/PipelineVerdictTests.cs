using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Tests.Support;

namespace Readiness.Tests.Engine;

public class PipelineVerdictTests
{
    private sealed class CrashingRule : FileRule
    {
        public override bool AppliesTo(SourceFile file) => file.Path.EndsWith(".py", StringComparison.Ordinal);
        public override IEnumerable<Finding> Check(SourceFile file, RuleContext context) => throw new FormatException("unexpected token");
    }

    [Fact]
    public async Task A_crashing_rule_fails_the_scan_with_exit_2_even_when_other_rules_find_things()
    {
        var crashing = new CrashingRule
        {
            Metadata = new RuleMetadata { Id = "RDY9980", Name = nameof(CrashingRule), Title = "Crash", Severity = Severity.High, Rationale = "r", Remediation = "r" },
        };
        var loaded = new RulesetLoader(RuleCatalog.Default).Load("launch-readiness", TestPaths.Repo);
        var ruleset = new Ruleset { Name = "test", Source = "test", Rules = [.. loaded.Rules, ActiveRule.WithDefaults(crashing)] };

        var result = await new ScanPipeline(new ScanOptions { Path = Path.Combine(TestPaths.Samples, "coco-testai") }, ruleset).RunAsync();

        result.Findings.ShouldNotBeEmpty();
        result.Verdict.Status.ShouldBe(VerdictStatus.Error);
        result.Verdict.ExitCode.ShouldBe(2);
        result.EngineErrors.ShouldContain(e => e.RuleId == "RDY9980" && e.Message.Contains("unexpected token"));
        result.Verdict.Reasons.ShouldContain(r => r.StartsWith("Rule RDY9980 failed on api/coco/settings/"));
    }
}
