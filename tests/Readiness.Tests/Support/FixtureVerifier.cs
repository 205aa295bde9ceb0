using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Tests.Support;

/// <summary>
/// Runs file rules over an annotated fixture and compares what they find with the annotations, line by line.
/// A comment on a line says what must be found there:
///   <c>Noncompliant RDY1101</c> (several ids may follow), <c>Noncompliant@+1 RDY1101</c> for a line below,
///   <c>FN RDY1101</c> a known false negative (may be missing), <c>FP RDY1101</c> a known false positive (may appear).
/// Any missing or extra finding fails with the full list; a marker without a rule id is itself an error.
/// </summary>
public static class FixtureVerifier
{
    /// <summary>Verifies a fixture under tests/Readiness.Tests/Fixtures. With no rule ids, every file rule of the catalog counts.</summary>
    public static IReadOnlyList<Finding> Verify(string fixturePath, params string[] ruleIds)
    {
        var fullPath = TestPaths.Fixture(fixturePath);
        var file = new SourceFile(fixturePath, File.ReadAllText(fullPath));
        return Verify(file, Annotations.Read(file, fullPath), ruleIds);
    }

    public static IReadOnlyList<Finding> Verify(SourceFile file, params string[] ruleIds) => Verify(file, Annotations.FromComments(file), ruleIds);

    private static IReadOnlyList<Finding> Verify(SourceFile file, IReadOnlyList<Expectation> annotations, string[] ruleIds)
    {
        var rules = RuleCatalog.Default.Rules.OfType<FileRule>()
            .Where(r => ruleIds.Length == 0 || ruleIds.Contains(r.Id))
            .ToList();
        if (ruleIds.Length > 0 && rules.Count != ruleIds.Length)
            throw new ArgumentException("Unknown or non-file rule id among: " + string.Join(", ", ruleIds));
        var engine = new RuleEngine(rules.Select(ActiveRule.WithDefaults));
        engine.CheckFile(file);
        var (findings, errors) = engine.Complete();
        if (errors.Count > 0) throw new InvalidOperationException("Engine errors: " + string.Join("; ", errors));

        var active = rules.Select(r => r.Id).ToHashSet();
        var relevant = annotations.Where(a => active.Contains(a.RuleId)).ToList();
        var expected = relevant.Where(a => a.Kind == ExpectationKind.Noncompliant).Select(a => (a.Line, a.RuleId)).ToList();
        var allowedExtra = relevant.Where(a => a.Kind == ExpectationKind.FalsePositive).Select(a => (a.Line, a.RuleId)).ToHashSet();
        var actual = findings.Select(f => (Line: f.Location.File!.StartLine, f.RuleId)).ToList();

        var problems = new List<string>();
        var remaining = actual.ToList();
        foreach (var e in expected)
        {
            if (!remaining.Remove(e)) problems.Add($"  missing: line {e.Line} {e.RuleId}");
        }
        foreach (var a in remaining.Where(a => !allowedExtra.Contains(a)))
        {
            var finding = findings.First(f => f.Location.File!.StartLine == a.Line && f.RuleId == a.RuleId);
            problems.Add($"  unexpected: line {a.Line} {a.RuleId}: {finding.Message}");
        }
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"{file.Path} does not match its annotations:\n{string.Join("\n", problems)}");
        return findings;
    }
}
