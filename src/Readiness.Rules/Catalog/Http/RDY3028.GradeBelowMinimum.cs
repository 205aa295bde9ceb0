using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// The grade gate: with `http: { min_grade: B }` in the ruleset (default none), a target graded below it is a finding,
/// so "graded F but READY" cannot happen to a team that asked for a grade.
/// </summary>
public sealed class GradeBelowMinimum : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var minimum = context.String("min_grade");
        if (minimum == "none" || HttpGrader.Grade(target) is not { } grade) yield break;
        if (HttpScoring.Rank(grade.Letter) <= HttpScoring.Rank(minimum)) yield break;
        var costs = grade.Tests.Where(t => t.Modifier < 0).OrderBy(t => t.Modifier).ToList();
        yield return context.AtEndpoint(target.Url,
            $"{target.Url} grades {grade.Letter} (score {grade.Score}), below the ruleset's minimum {minimum} (http.min_grade); fix the tests that cost points, starting with {costs.FirstOrDefault()?.Test ?? "the lowest"}.",
            string.Join("\n", costs.Select(t => $"{t.Modifier} {t.Test}: {t.Description}")), "grade-below-" + minimum,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["grade"] = grade.Letter, ["score"] = grade.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), ["minGrade"] = minimum });
    }
}
