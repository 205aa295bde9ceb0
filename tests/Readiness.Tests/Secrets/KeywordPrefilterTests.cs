using Readiness.Rules.Secrets;
using Readiness.Tests.Support;

namespace Readiness.Tests.Secrets;

/// <summary>
/// The keyword prefilter finds exactly what a naive search finds (every position where a keyword starts, ignoring
/// case as <see cref="StringComparison.OrdinalIgnoreCase"/> does), for every group, in increasing position: the
/// windows the regexes run in, and so the findings, depend on it (issue 20 replaced its search).
/// </summary>
public class KeywordPrefilterTests
{
    private static List<IReadOnlyList<string>> ShippedGroups() =>
    [
        .. DetectorCatalog.Detectors.Select(d => d.Keywords),
        SecretScanner.GenericKeywordList,
        SecretScanner.FallbackKeywordList,
    ];

    private static List<(int Position, int Group)> Naive(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var hits = new List<(int, int)>();
        for (var p = 0; p < text.Length; p++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var keyword in groups[g])
                {
                    if (text.AsSpan(p).StartsWith(keyword.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase)) hits.Add((p, g));
                }
            }
        }
        return hits;
    }

    private static List<(int Position, int Group)> Found(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var hits = new List<(int Position, int Group)>();
        new KeywordPrefilter(groups).Find(text, (group, position) => hits.Add((position, group)));
        return hits;
    }

    private static void ShouldFindAsNaive(string text, IReadOnlyList<IReadOnlyList<string>> groups, string name)
    {
        var found = Found(text, groups);
        found.Select(h => h.Position).ShouldBe(found.Select(h => h.Position).Order(), $"{name}: positions out of order");
        found.Order().ShouldBe(Naive(text, groups).Order(), $"{name}: hits differ from a naive search");
    }

    [Fact]
    public void Finds_what_a_naive_search_finds_in_mixed_case_short_overlapping_and_non_ascii_keywords()
    {
        var text = File.ReadAllText(TestPaths.Fixture("Secrets/prefilter/keywords.txt"));
        var groups = ShippedGroups();
        ShouldFindAsNaive(text, groups, "keywords.txt");

        var found = Found(text, groups);
        int Group(IReadOnlyList<string> list) => groups.FindIndex(g => ReferenceEquals(g, list));
        var generic = Group(SecretScanner.GenericKeywordList);
        var fallback = Group(SecretScanner.FallbackKeywordList);
        found.ShouldContain((0, generic));                                  // "PassWord" at the very start
        found.ShouldContain((text.Length - 5, generic));                    // "token" ending the file
        found.Count(h => h.Group == fallback && text.AsSpan(h.Position).StartsWith("??")).ShouldBe(3); // "??" and twice in "???"
        found.ShouldNotContain(h => h.Position == text.IndexOf("to\u212Aen", StringComparison.Ordinal)); // a Kelvin sign is not a K
    }

    [Fact]
    public void Finds_what_a_naive_search_finds_in_every_fixture()
    {
        var groups = ShippedGroups();
        var files = Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 64 * 1024).Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(200);
        var total = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Contains((byte)0)) continue;
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            ShouldFindAsNaive(text, groups, Path.GetRelativePath(TestPaths.Fixtures, file));
            total += Found(text, groups).Count;
        }
        total.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void A_keyword_in_two_groups_or_twice_in_one_is_reported_for_each_and_non_ascii_keywords_are_found()
    {
        List<IReadOnlyList<string>> groups = [["token", "token"], ["TOKEN", "contraseña"], ["q~"]];
        var text = "Token CONTRASEÑA q~ tok";
        ShouldFindAsNaive(text, groups, "inline groups");
        Found(text, groups).ShouldBe([(0, 0), (0, 0), (0, 1), (6, 1), (17, 2)]);
    }
}
