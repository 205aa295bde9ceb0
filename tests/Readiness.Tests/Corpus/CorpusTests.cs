using System.Text;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Tests.Support;
using Xunit.Abstractions;

namespace Readiness.Tests.Corpus;

/// <summary>
/// Runs EVERY file rule of the catalog over the labelled corpus (tests/Readiness.Tests/Fixtures/Corpus: realistic
/// files modelled on the seed plans, each vulnerable tree beside its "-hardened" twin) and reports precision and
/// recall per rule and overall. Labels are <c>Noncompliant RDYxxxx</c> comments or a sidecar expected.yaml; known gaps
/// stay labelled FN / FP and count against the metrics.
///
/// Thresholds: every labelled finding is a launch blocker a reviewer found by hand in the seed plans, so recall must stay
/// at or above 0.90 (the known gaps are listed, not hidden); precision must stay at or above 0.95 because noise is what
/// makes teams switch a gate off (the complaint against gitleaks and detect-secrets). Files under a "-hardened" folder
/// must produce no finding at all: they are what a fixed system looks like.
/// Any file added under Corpus/ is picked up; no code change is needed.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private const double MinPrecision = 0.95;
    private const double MinRecall = 0.90;

    private static string Root => TestPaths.Fixture("Corpus");

    private sealed record Outcome(string File, int Line, string RuleId, string Verdict, string Detail);

    [Fact]
    public void Corpus_precision_and_recall_meet_thresholds_and_hardened_files_stay_clean()
    {
        var rules = RuleCatalog.Default.Rules.OfType<FileRule>().ToList();
        var outcomes = new List<Outcome>();
        var hardenedFindings = new List<string>();
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != Annotations.SidecarName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        files.ShouldNotBeEmpty();

        foreach (var fullPath in files)
        {
            var relative = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
            var file = new SourceFile(relative, File.ReadAllText(fullPath));
            var engine = new RuleEngine(rules.Select(ActiveRule.WithDefaults));
            engine.CheckFile(file);
            var (findings, errors) = engine.Complete();
            errors.ShouldBeEmpty($"engine errors on {relative}");

            if (relative.Split('/').Any(segment => segment.EndsWith("-hardened", StringComparison.Ordinal)))
                hardenedFindings.AddRange(findings.Select(f => $"{relative}:{f.Location.File!.StartLine} {f.RuleId} {f.Message}"));

            var expectations = Annotations.Read(file, fullPath);
            var remaining = findings.Select(f => (Line: f.Location.File!.StartLine, f.RuleId, f.Message)).ToList();
            foreach (var e in expectations.Where(e => e.Kind != ExpectationKind.FalsePositive))
            {
                var index = remaining.FindIndex(a => a.Line == e.Line && a.RuleId == e.RuleId);
                if (index >= 0)
                {
                    outcomes.Add(new Outcome(relative, e.Line, e.RuleId, "TP", e.Kind == ExpectationKind.FalseNegative ? "(labelled FN, now found)" : ""));
                    remaining.RemoveAt(index);
                }
                else
                {
                    outcomes.Add(new Outcome(relative, e.Line, e.RuleId, "FN", e.Kind == ExpectationKind.FalseNegative ? "(known gap)" : "MISSING"));
                }
            }
            foreach (var extra in remaining)
            {
                var known = expectations.Any(e => e.Kind == ExpectationKind.FalsePositive && e.Line == extra.Line && e.RuleId == extra.RuleId);
                outcomes.Add(new Outcome(relative, extra.Line, extra.RuleId, "FP", (known ? "(known) " : "UNEXPECTED ") + extra.Message));
            }
        }

        var report = Report(files.Count, outcomes);
        output.WriteLine(report.Text);
        hardenedFindings.ShouldBeEmpty("hardened files must produce no finding:\n" + string.Join("\n", hardenedFindings));
        report.Precision.ShouldBeGreaterThanOrEqualTo(MinPrecision, report.Text);
        report.Recall.ShouldBeGreaterThanOrEqualTo(MinRecall, report.Text);
    }

    private static (string Text, double Precision, double Recall) Report(int fileCount, List<Outcome> outcomes)
    {
        static (int Tp, int Fp, int Fn) Count(IEnumerable<Outcome> o)
        {
            var list = o.ToList();
            return (list.Count(x => x.Verdict == "TP"), list.Count(x => x.Verdict == "FP"), list.Count(x => x.Verdict == "FN"));
        }
        static double Ratio(int a, int b) => b == 0 ? 1.0 : (double)a / b;

        var text = new StringBuilder();
        text.AppendLine($"Corpus: {fileCount} files, {outcomes.Count} judged findings");
        text.AppendLine("rule      TP   FP   FN   precision  recall");
        foreach (var group in outcomes.GroupBy(o => o.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (tp, fp, fn) = Count(group);
            text.AppendLine($"{group.Key}  {tp,4} {fp,4} {fn,4}   {Ratio(tp, tp + fp),9:0.000}  {Ratio(tp, tp + fn),6:0.000}");
        }
        var (allTp, allFp, allFn) = Count(outcomes);
        var precision = Ratio(allTp, allTp + allFp);
        var recall = Ratio(allTp, allTp + allFn);
        text.AppendLine($"overall  {allTp,4} {allFp,4} {allFn,4}   {precision,9:0.000}  {recall,6:0.000}   (thresholds: precision >= {MinPrecision}, recall >= {MinRecall})");
        foreach (var o in outcomes.Where(o => o.Verdict != "TP" || o.Detail.Length > 0).OrderBy(o => o.File, StringComparer.Ordinal).ThenBy(o => o.Line))
            text.AppendLine($"  {o.Verdict} {o.File}:{o.Line} {o.RuleId} {o.Detail}");
        return (text.ToString(), precision, recall);
    }
}
