namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// The thresholds the grade and the rules share, so they cannot disagree (docs/http.md has the whole scoring table).
/// </summary>
public static class HttpScoring
{
    /// <summary>
    /// Six months as the MDN Observatory counts it: 180 days (15,552,000 s), not 182.5 days (15,768,000 s), because that
    /// is what most sites send. RDY3002's default min_max_age is this value; the catalog test keeps them equal.
    /// </summary>
    public const int HstsSixMonths = 15552000;

    /// <summary>Bonuses count only when the score without them reaches this (Observatory's MINIMUM_SCORE_FOR_EXTRA_CREDIT).</summary>
    public const int MinimumScoreForBonus = 90;

    /// <summary>Letter per lowest score, A+ 100 and up to F under 25.</summary>
    public static readonly IReadOnlyList<(int Minimum, string Letter)> Letters =
    [
        (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C"), (45, "C-"),
        (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
    ];

    public static string Letter(int score) => Letters.First(l => score >= l.Minimum).Letter;

    /// <summary>The letters from best to worst, for comparing a grade with a ruleset's http.min_grade.</summary>
    public static int Rank(string letter) => Letters.Select(l => l.Letter).ToList().IndexOf(letter);
}
