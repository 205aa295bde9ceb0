using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Tests.Engine;

public class RuleEngineTests
{
    private sealed class ThrowingRule : FileRule
    {
        public override bool AppliesTo(SourceFile file) => true;
        public override IEnumerable<Finding> Check(SourceFile file, RuleContext context) => throw new InvalidOperationException("boom");
    }

    private sealed class TodoRule : FileRule
    {
        public override bool AppliesTo(SourceFile file) => true;

        public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
        {
            for (var line = 1; line <= file.LineCount; line++)
            {
                if (file.Line(line).Contains("TODO", StringComparison.Ordinal)) yield return context.AtLine(file, line, "A TODO is left.");
            }
        }
    }

    private static T WithMetadata<T>(T rule, string id) where T : Rule
    {
        rule.Metadata = new RuleMetadata
        {
            Id = id, Name = typeof(T).Name, Title = "Test rule", Severity = Severity.High,
            Rationale = "r", Remediation = "r",
        };
        return rule;
    }

    [Fact]
    public void A_rule_that_throws_is_an_engine_error_not_a_pass()
    {
        var engine = new RuleEngine([ActiveRule.WithDefaults(WithMetadata(new ThrowingRule(), "RDY9990"))]);
        engine.CheckFile(new SourceFile("app/settings.py", "DEBUG = True\n"));
        var (findings, errors) = engine.Complete();
        findings.ShouldBeEmpty();
        var error = errors.ShouldHaveSingleItem();
        error.RuleId.ShouldBe("RDY9990");
        error.Target.ShouldBe("app/settings.py");
        error.Message.ShouldContain("boom");
    }

    [Fact]
    public void Fingerprints_survive_moved_lines_and_tell_duplicates_apart()
    {
        var rule = WithMetadata(new TodoRule(), "RDY9991");
        IReadOnlyList<Finding> Scan(string text)
        {
            var engine = new RuleEngine([ActiveRule.WithDefaults(rule)]);
            engine.CheckFile(new SourceFile("a.py", text));
            return engine.Complete().Findings;
        }

        var before = Scan("x = 1\n# TODO fix\n# TODO fix\n");
        var after = Scan("import os\n\n\nx = 1\n# TODO fix\n# TODO fix\n");
        before.Count.ShouldBe(2);
        before[0].Fingerprint.ShouldNotBe(before[1].Fingerprint);
        after.Select(f => f.Fingerprint).ShouldBe(before.Select(f => f.Fingerprint));
        after[0].Location.File!.StartLine.ShouldBe(5);
    }

    [Fact]
    public void Ruleset_severity_override_applies_to_findings()
    {
        var rule = WithMetadata(new TodoRule(), "RDY9992");
        var engine = new RuleEngine([new ActiveRule(rule, Severity.Low, new Dictionary<string, object>())]);
        engine.CheckFile(new SourceFile("a.py", "# TODO\n"));
        engine.Complete().Findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void Files_checked_concurrently_give_the_same_ordered_result()
    {
        var rule = WithMetadata(new TodoRule(), "RDY9993");
        var files = Enumerable.Range(0, 200).Select(i => new SourceFile($"f{i:000}.py", "# TODO\n")).ToList();
        var engine = new RuleEngine([ActiveRule.WithDefaults(rule)]);
        Parallel.ForEach(files, engine.CheckFile);
        var findings = engine.Complete().Findings;
        findings.Select(f => f.Location.File!.Path).ShouldBe(files.Select(f => f.Path));
    }
}
