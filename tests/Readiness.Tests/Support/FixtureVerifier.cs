using System.Text.RegularExpressions;
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
public static partial class FixtureVerifier
{
    [GeneratedRegex(@"\b(?<kind>Noncompliant|FN|FP)(?:@(?<offset>[+-]\d+))?(?<ids>(?:[\s,]+RDY\d{4})*)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"RDY\d{4}")]
    private static partial Regex RuleId();

    /// <summary>Verifies a fixture under tests/Readiness.Tests/Fixtures. With no rule ids, every file rule of the catalog counts.</summary>
    public static IReadOnlyList<Finding> Verify(string fixturePath, params string[] ruleIds)
    {
        var file = new SourceFile(fixturePath, File.ReadAllText(TestPaths.Fixture(fixturePath)));
        return Verify(file, ruleIds);
    }

    public static IReadOnlyList<Finding> Verify(SourceFile file, params string[] ruleIds)
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

        var (expected, allowedMissing, allowedExtra) = ReadAnnotations(file, rules.Select(r => r.Id).ToHashSet());
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
        _ = allowedMissing;
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"{file.Path} does not match its annotations:\n{string.Join("\n", problems)}");
        return findings;
    }

    private static (List<(int Line, string RuleId)> Expected, HashSet<(int, string)> AllowedMissing, HashSet<(int, string)> AllowedExtra)
        ReadAnnotations(SourceFile file, HashSet<string> activeIds)
    {
        var expected = new List<(int, string)>();
        var fn = new HashSet<(int, string)>();
        var fp = new HashSet<(int, string)>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            foreach (Match m in Marker().Matches(file.Line(line)))
            {
                var ids = RuleId().Matches(m.Groups["ids"].Value).Select(x => x.Value).ToList();
                if (ids.Count == 0) throw new FormatException($"{file.Path}:{line}: '{m.Groups["kind"].Value}' marker names no rule id.");
                var target = line + (m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
                foreach (var id in ids.Where(activeIds.Contains))
                {
                    switch (m.Groups["kind"].Value)
                    {
                        case "Noncompliant": expected.Add((target, id)); break;
                        case "FN": fn.Add((target, id)); break;
                        default: fp.Add((target, id)); break;
                    }
                }
            }
        }
        return (expected, fn, fp);
    }
}
