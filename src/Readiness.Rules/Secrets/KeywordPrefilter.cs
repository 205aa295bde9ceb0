namespace Readiness.Rules.Secrets;

/// <summary>
/// Finds every case-insensitive occurrence of any keyword in one pass over the text, and says which keyword groups
/// start there. Regexes then run only in windows around those positions.
/// </summary>
/// <remarks>
/// Each keyword is anchored on its rarest three characters ("tek" for "privatekey", "ig(" for "config("). One scalar
/// pass builds a 15-bit key of each three consecutive characters (five bits of each, so ASCII case folds for free) and
/// tests it in a 4 KB bit set of the anchors' keys; only there are the keywords of that anchor compared, ignoring
/// case. This replaced a case-insensitive <c>SearchValues&lt;string&gt;</c> over all keywords, which with some 230 of
/// them falls back to scalar Aho-Corasick at about 100 M chars/s (and Teddy with that many values is slower still);
/// the positions found are the same (issue 20). Keywords shorter than three characters or not ASCII are searched
/// on their own.
/// </remarks>
public sealed class KeywordPrefilter
{
    private const int AnchorLength = 3;
    private const int KeyBits = 5 * AnchorLength;
    private const uint KeyMask = (1u << KeyBits) - 1;

    private readonly ulong[] anchorKeys = new ulong[(1 << KeyBits) / 64];
    private readonly Candidate[]?[] candidatesByKey = new Candidate[]?[1 << KeyBits];
    private readonly Candidate[] searchedAlone;

    /// <summary>
    /// A keyword, where its anchor starts in it (for one searched alone: its first caseless character, or -1), and
    /// the groups it belongs to (a group listing it twice reports it twice).
    /// </summary>
    private sealed record Candidate(string Keyword, int AnchorOffset, int[] Groups);

    /// <param name="groups">Keyword lists; a hit reports the index of each group whose keyword starts at the position.</param>
    public KeywordPrefilter(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var groupsByKeyword = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var k in groups[g])
            {
                var keyword = k.ToLowerInvariant();
                if (!groupsByKeyword.TryGetValue(keyword, out var list)) groupsByKeyword[keyword] = list = [];
                list.Add(g);
            }
        }
        var alone = new List<Candidate>();
        var byKey = new Dictionary<uint, List<Candidate>>();
        foreach (var (keyword, keywordGroups) in groupsByKeyword)
        {
            if (keyword.Length < AnchorLength || !System.Text.Ascii.IsValid(keyword))
            {
                alone.Add(new Candidate(keyword, CaselessIndex(keyword), [.. keywordGroups]));
                continue;
            }
            var offset = RarestAnchor(keyword);
            var key = Key(keyword.AsSpan(offset, AnchorLength));
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(new Candidate(keyword, offset, [.. keywordGroups]));
        }
        foreach (var (key, list) in byKey)
        {
            anchorKeys[key >> 6] |= 1UL << (int)(key & 63);
            candidatesByKey[key] = [.. list];
        }
        searchedAlone = [.. alone];
    }

    /// <summary>Calls <paramref name="onHit"/>(group, position) for each keyword occurrence, in increasing position.</summary>
    /// <remarks>
    /// Compiled optimized from its first call: tiered, a scan's early files ran this loop unoptimized and then in
    /// on-stack-replaced code (together as much of a standard-library scan's samples as the optimized loop itself).
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Find(string text, Action<int, int> onHit)
    {
        var span = text.AsSpan();
        var hits = new List<(int Position, int Group)>();
        // The five bits of the two characters before this one: the key is built from them anew, not rolled, so
        // consecutive characters do not wait on each other.
        uint twoBack = 0, oneBack = 0;
        for (var i = 0; i < span.Length; i++)
        {
            uint c = span[i];
            if (c >= 128) c = FoldToAscii((char)c);
            c &= 31;
            var key = (twoBack << 10) | (oneBack << 5) | c;
            (twoBack, oneBack) = (oneBack, c);
            if (((anchorKeys[key >> 6] >> (int)(key & 63)) & 1) == 0) continue;
            foreach (var candidate in candidatesByKey[key]!)
            {
                var start = i - (AnchorLength - 1) - candidate.AnchorOffset;
                if (start >= 0 && IsAt(span, start, candidate.Keyword)) Add(hits, start, candidate.Groups);
            }
        }
        foreach (var candidate in searchedAlone) FindAlone(span, candidate, hits);
        hits.Sort();
        foreach (var (position, group) in hits) onHit(group, position);
    }

    /// <summary>
    /// Every occurrence of a keyword too short for an anchor ("??", "q~"). IndexOf ignoring case is scalar under
    /// invariant globalization, so a keyword with an ASCII character that has no other case ('?', '~') is found by
    /// that character (vectorized) and then compared; only one of letters alone is left to IndexOf.
    /// </summary>
    private static void FindAlone(ReadOnlySpan<char> text, Candidate candidate, List<(int, int)> hits)
    {
        var keyword = candidate.Keyword;
        var caseless = candidate.AnchorOffset;
        for (var offset = 0; offset < text.Length;)
        {
            if (caseless < 0)
            {
                var index = text[offset..].IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
                if (index < 0) break;
                Add(hits, offset + index, candidate.Groups);
                offset += index + 1;
                continue;
            }
            var found = text[offset..].IndexOf(keyword[caseless]);
            if (found < 0) break;
            var start = offset + found - caseless;
            if (start >= 0 && IsAt(text, start, keyword)) Add(hits, start, candidate.Groups);
            offset += found + 1;
        }
    }

    /// <summary>The first ASCII character of the keyword that has no other case, or -1 when it has none.</summary>
    private static int CaselessIndex(string keyword)
    {
        for (var i = 0; i < keyword.Length; i++)
        {
            if (char.IsAscii(keyword[i]) && !char.IsAsciiLetter(keyword[i])) return i;
        }
        return -1;
    }

    private static bool IsAt(ReadOnlySpan<char> text, int start, string keyword) =>
        start + keyword.Length <= text.Length && text.Slice(start, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private static void Add(List<(int, int)> hits, int position, int[] groups)
    {
        foreach (var group in groups) hits.Add((position, group));
    }

    /// <summary>The low five bits of each character: an ASCII letter and its other case give the same key.</summary>
    private static uint Key(ReadOnlySpan<char> anchor)
    {
        uint key = 0;
        foreach (var c in anchor) key = (key << 5) | (c & 31u);
        return key & KeyMask;
    }

    /// <summary>
    /// A non-ASCII character that equals an ASCII letter when case is ignored stands for that letter, so the key
    /// misses no occurrence; every candidate is then compared ignoring case, as before.
    /// </summary>
    private static uint FoldToAscii(char c)
    {
        var upper = char.ToUpperInvariant(c);
        if (upper < 128) return upper;
        var lower = char.ToLowerInvariant(c);
        return lower < 128 ? lower : c;
    }

    /// <summary>Where the keyword's least common three characters start, by the frequency of characters in English text and code.</summary>
    private static int RarestAnchor(string keyword)
    {
        var best = 0;
        var bestCost = double.MaxValue;
        for (var offset = 0; offset + AnchorLength <= keyword.Length; offset++)
        {
            var cost = 1.0;
            foreach (var c in keyword.AsSpan(offset, AnchorLength)) cost *= Commonness(c);
            if (cost < bestCost) (best, bestCost) = (offset, cost);
        }
        return best;
    }

    private const string LettersByFrequency = "etaoinshrdlcumwfgypbvkjxqz";

    private static double Commonness(char c) => c switch
    {
        ' ' => 15,
        >= 'a' and <= 'z' => 13.0 / (1 + LettersByFrequency.IndexOf(c) * 0.5),
        '_' or '.' or '-' or '(' or ')' or '=' or ',' or '"' or '\'' or '/' or ':' => 2,
        >= '0' and <= '9' => 0.5,
        _ => 0.3,
    };
}
