using System.Text.RegularExpressions;
using Readiness.Rules.Custom;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;
using Readiness.Runner.Configuration;
using Readiness.Runner.Reporting;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Custom;

/// <summary>
/// What `readiness rules test` runs: every active custom secret rule against its samples, then the ruleset's
/// annotated fixtures (<c>fixtures:</c> in the custom section) through the custom file and resource rules, the
/// Terraform and CloudFormation sources. A fixture marks what must be found on a line with
/// <c># Noncompliant ACME-101</c> (<c>Noncompliant@+1</c> for the next line, <c>Undecided</c> for an unresolved value,
/// <c>FN</c> / <c>FP</c> for known gaps); any other finding of a tested rule is unexpected.
/// </summary>
public static partial class CustomRuleTests
{
    [GeneratedRegex(@"\b(?<kind>Noncompliant|Undecided|FN|FP)(?:@(?<offset>[+-]\d+))?(?<ids>(?:[\s,]+[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+)+)")]
    private static partial Regex Marker();

    private sealed record Mark(string Path, int Line, string RuleId, string Kind);

    /// <returns>0 when every case is judged as expected, 1 when one is not.</returns>
    public static int Run(Ruleset ruleset, TextWriter output)
    {
        var active = ruleset.Rules.Select(r => r.Rule).ToHashSet();
        var custom = ruleset.Custom.Where(d => active.Contains(d.Rule)).ToList();
        if (custom.Count == 0)
        {
            output.WriteLine($"{ruleset.Source} declares no active custom rules; nothing to test.");
            return 0;
        }
        int cases = 0, failed = 0;
        void Report(bool passed, string text)
        {
            cases++;
            if (!passed) failed++;
            output.WriteLine(ConsoleText.Escape($"{(passed ? "ok  " : "FAIL")}  {text}"));
        }

        var secretRules = custom.Where(d => d.Rule is CustomSecretRule).ToList();
        var set = new DetectorSet(secretRules.Select(d => ((CustomSecretRule)d.Rule).Detector).ToList());
        foreach (var declaration in secretRules)
        {
            foreach (var result in ((CustomSecretRule)declaration.Rule).CheckSamples(set))
            {
                var line = (result.IsTrueSample ? declaration.TrueSampleLines : declaration.FalseSampleLines)[result.Index];
                var what = $"{(result.IsTrueSample ? "true" : "false")} sample #{result.Index + 1}";
                Report(result.Passed, result.Passed ? $"{declaration.Rule.Id} {what} ({declaration.File}:{line})" : $"{declaration.File}:{line}: {declaration.Rule.Id}: {result.Problem}");
            }
        }

        var tested = custom.Where(d => d.Rule is CustomFileRule or CustomResourceRule or CustomSecretRule).Select(d => d.Rule).ToList();
        foreach (var fixture in ruleset.Fixtures)
        {
            foreach (var (passed, text) in JudgeFixture(fixture, tested, ruleset)) Report(passed, text);
        }
        if (ruleset.Fixtures.Count == 0 && custom.Any(d => d.Rule is CustomFileRule or CustomResourceRule))
            output.WriteLine("note: no fixtures are named (custom: { fixtures: [...] }), so the file and resource rules were not tried on annotated files.");
        output.WriteLine($"{cases} case(s), {failed} misjudged.");
        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<(bool Passed, string Text)> JudgeFixture(string fixture, IReadOnlyList<Rule> rules, Ruleset ruleset)
    {
        var isFile = File.Exists(fixture);
        var root = isFile ? Path.GetDirectoryName(fixture)! : fixture;
        var paths = isFile ? [fixture] : Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var engine = new RuleEngine(ruleset.Rules.Where(a => rules.Contains(a.Rule)));
        var sources = new IEvidenceSource[] { new TerraformSource(new TerraformOptions { Root = root }), new CloudFormationSource(root) };
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var marks = new List<Mark>();
        foreach (var path in paths)
        {
            var file = new SourceFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path));
            engine.CheckFile(file);
            foreach (var source in sources) source.Observe(file);
            marks.AddRange(MarksOf(file, ids));
        }
        var collector = new EvidenceCollector();
        foreach (var source in sources) source.CollectAsync(collector, CancellationToken.None).GetAwaiter().GetResult();
        engine.CheckModel(new Evidence { Cloud = new CloudInventory(collector.Resources) });
        var (findings, errors) = engine.Complete();
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), root).Replace('\\', '/');
        foreach (var gap in collector.Coverage.Gaps.Concat(engine.Gaps)) yield return (false, $"{shown}: could not look: {gap.Display()}");
        foreach (var error in errors) yield return (false, $"{shown}: {error.RuleId} crashed on {error.Target}: {error.Message}");

        var remaining = findings.Where(f => f.Location.File is not null).ToList();
        foreach (var mark in marks.Where(m => m.Kind is "Noncompliant" or "Undecided"))
        {
            var found = remaining.FirstOrDefault(f => f.RuleId == mark.RuleId && f.Location.File!.Path == mark.Path && f.Location.File.StartLine == mark.Line && f.Undecided == (mark.Kind == "Undecided"));
            if (found is not null) remaining.Remove(found);
            yield return (found is not null, found is not null
                ? $"{mark.RuleId} {shown}/{mark.Path}:{mark.Line}"
                : $"{shown}/{mark.Path}:{mark.Line}: {mark.RuleId} was expected{(mark.Kind == "Undecided" ? " (undecided)" : "")} but not found.");
        }
        foreach (var f in remaining)
        {
            var at = marks.Where(m => m.RuleId == f.RuleId && m.Path == f.Location.File!.Path && m.Line == f.Location.File.StartLine).Select(m => m.Kind).ToList();
            if (at.Contains("FP")) continue;
            yield return (false, at.Contains("FN")
                ? $"{shown}/{f.Location.File!.Path}:{f.Location.File.StartLine}: {f.RuleId} is now found; remove its FN mark."
                : $"{shown}/{f.Location.File!.Path}:{f.Location.File.StartLine}: {f.RuleId} was not expected: {f.Message}");
        }
    }

    private static IEnumerable<Mark> MarksOf(SourceFile file, IReadOnlySet<string> ids)
    {
        for (var line = 1; line <= file.LineCount; line++)
        {
            foreach (Match m in Marker().Matches(file.Line(line)))
            {
                var target = line + (m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
                foreach (var id in m.Groups["ids"].Value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Where(ids.Contains))
                    yield return new Mark(file.Path, target, id, m.Groups["kind"].Value);
            }
        }
    }
}
