using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Tests.Support;

/// <summary>
/// Runs file rules over an annotated fixture and compares what they find with the annotations, line by line.
/// The annotations (see <see cref="Annotations"/> and tests/README.md) say what must be found on each line;
/// annotations of rules that did not run are left to the verifier that runs them.
/// Any missing or extra finding, or a wrong exact message, fails with the full list; a marker without a rule id is itself an error.
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
        var problems = AnnotationCheck.Compare(annotations.Where(a => active.Contains(a.RuleId)).ToList(), findings, f => f.Location.File!.StartLine, file.Path);
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"{file.Path} does not match its annotations:\n{string.Join("\n", problems)}");
        return findings;
    }
}
