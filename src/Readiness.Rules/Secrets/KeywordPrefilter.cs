using System.Buffers;

namespace Readiness.Rules.Secrets;

/// <summary>
/// Finds every occurrence of any keyword in one pass (SearchValues&lt;string&gt;, a vectorized multi-string search),
/// and says which keywords start there. Regexes then run only in windows around those positions.
/// </summary>
public sealed class KeywordPrefilter
{
    private readonly SearchValues<string> any;
    private readonly Dictionary<char, (string Keyword, int Group)[]> byFirstChar;

    /// <param name="groups">Keyword lists; a hit reports the index of each group whose keyword starts at the position.</param>
    public KeywordPrefilter(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var all = new List<(string Keyword, int Group)>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var k in groups[g]) all.Add((k.ToLowerInvariant(), g));
        any = SearchValues.Create(all.Select(k => k.Keyword).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);
        byFirstChar = all.GroupBy(k => k.Keyword[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Calls <paramref name="onHit"/>(group, position) for each keyword occurrence, in increasing position.</summary>
    public void Find(string text, Action<int, int> onHit)
    {
        var span = text.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var index = span[offset..].IndexOfAny(any);
            if (index < 0) break;
            var position = offset + index;
            var rest = span[position..];
            if (byFirstChar.TryGetValue(char.ToLowerInvariant(rest[0]), out var candidates))
            {
                foreach (var (keyword, group) in candidates)
                {
                    if (rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) onHit(group, position);
                }
            }
            offset = position + 1;
        }
    }
}
