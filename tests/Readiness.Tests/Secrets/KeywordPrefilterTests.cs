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
        var lowered = groups.Select(g => g.Select(k => k.ToLowerInvariant()).ToList()).ToList();
        for (var p = 0; p < text.Length; p++)
        {
            for (var g = 0; g < lowered.Count; g++)
            {
                foreach (var keyword in lowered[g])
                {
                    if (text.AsSpan(p).StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) hits.Add((p, g));
                }
            }
        }
        return hits;
    }

    private static List<(int Position, int Group)> Found(string text, IReadOnlyList<IReadOnlyList<string>> groups) =>
        Found(text, new KeywordPrefilter(groups), KeywordPrefilter.MachineFirstPass);

    private static List<(int Position, int Group)> Found(string text, KeywordPrefilter filter, KeywordPrefilter.FirstPass firstPass)
    {
        var hits = new List<(int Position, int Group)>();
        filter.Find(text, (group, position) => hits.Add((position, group)), firstPass);
        return hits;
    }

    /// <summary>
    /// Each vectorised first pass this machine has (AVX2, AVX-512) and the scalar loop alone find what a naive search
    /// finds, in increasing position.
    /// </summary>
    private static void ShouldFindAsNaive(string text, IReadOnlyList<IReadOnlyList<string>> groups, string name) =>
        ShouldFindAsNaive(text, groups, new KeywordPrefilter(groups), name);

    private static void ShouldFindAsNaive(string text, IReadOnlyList<IReadOnlyList<string>> groups, KeywordPrefilter filter, string name)
    {
        IEnumerable<(int Position, int Group)> naive = Naive(text, groups).Order().ToList();
        foreach (var firstPass in KeywordPrefilter.MachineFirstPasses)
        {
            var found = Found(text, filter, firstPass);
            found.Select(h => h.Position).ShouldBe(found.Select(h => h.Position).Order(), $"{name} (first pass: {firstPass}): positions out of order");
            found.Order().ShouldBe(naive, $"{name} (first pass: {firstPass}): hits differ from a naive search");
        }
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

    // The AVX-512 pass tests 62 positions per 64 characters read (so its blocks start at 0, 62, 124, ...), the AVX2
    // pass 32 (0, 32, 64, ...); both leave a block holding any non-ASCII character, and the last characters fewer than
    // a block, to the scalar loop.
    private static readonly string[] EdgeKeywords = ["token", "-----BEGIN OPENSSH PRIVATE KEY-----", "sk_live_", "ghp_", "pat", "??", "q~"];

    [Fact]
    public void Finds_a_keyword_across_a_block_edge_at_the_start_and_end_of_the_text_and_in_texts_shorter_than_a_vector()
    {
        var groups = ShippedGroups();
        var filter = new KeywordPrefilter(groups);
        var checkedTexts = 0;
        foreach (var keyword in EdgeKeywords)
        {
            for (var position = 0; position <= 132; position++)
            {
                // The keyword ending the text, followed by filler to 140 characters, and with a non-ASCII character
                // just before it (that block goes to the scalar loop, the next one need not).
                foreach (var length in new[] { position + keyword.Length, Math.Max(140, position + keyword.Length) })
                {
                    foreach (var before in new[] { 'x', 'ñ' })
                    {
                        var text = new string('x', length).ToCharArray();
                        keyword.CopyTo(0, text, position, keyword.Length);
                        if (position > 0) text[position - 1] = before;
                        ShouldFindAsNaive(new string(text), groups, filter, $"'{keyword}' at {position} of {length}, after '{before}'");
                        checkedTexts++;
                    }
                }
            }
        }
        checkedTexts.ShouldBe(EdgeKeywords.Length * 133 * 4);
        Found("token", groups).ShouldContain((0, groups.FindIndex(g => ReferenceEquals(g, SecretScanner.GenericKeywordList))));
        Found("", groups).ShouldBeEmpty();
        Found("to", groups).ShouldBeEmpty();
    }

    [Fact]
    public void Finds_what_a_naive_search_finds_in_random_texts_of_keywords_in_any_case_among_code_like_and_non_ascii_characters()
    {
        var groups = ShippedGroups();
        var filter = new KeywordPrefilter(groups);
        var keywords = groups.SelectMany(g => g).Distinct().ToArray();
        // Characters whose low five bits equal a keyword letter's ('\n' and j, '.' and n, digits and p-y), case pairs,
        // and non-ASCII ones: long s and dotless i equal s and i ignoring case; the Kelvin sign and the others do not.
        const string ascii = "abcdefghijklmnopqrstuvwxyzETAOINS0123456789 \n\t_-.=:/\"'(){}[]?~$&+,;<>@`^|*%#!\\";
        const string nonAscii = "ſıİK\u212Añéü\u00A0ﬁ€\uD83D\uDE00";
        var random = new Random(20);
        var asciiOnly = 0;
        for (var t = 0; t < 300; t++)
        {
            var text = new System.Text.StringBuilder();
            var length = random.Next(0, t < 30 ? 64 : 400);
            var withNonAscii = t % 3 == 0;
            while (text.Length < length)
            {
                var roll = random.Next(100);
                if (roll < 15)
                {
                    var keyword = keywords[random.Next(keywords.Length)];
                    foreach (var c in keyword) text.Append(random.Next(2) == 0 ? char.ToUpperInvariant(c) : c);
                }
                else if (roll < 17 && withNonAscii) text.Append(nonAscii[random.Next(nonAscii.Length)]);
                else text.Append(ascii[random.Next(ascii.Length)]);
            }
            var s = text.ToString();
            if (System.Text.Ascii.IsValid(s)) asciiOnly++;
            ShouldFindAsNaive(s, groups, filter, $"random text {t} (\"{s[..Math.Min(s.Length, 40)]}...\")");
        }
        asciiOnly.ShouldBeGreaterThan(150);
    }
}
