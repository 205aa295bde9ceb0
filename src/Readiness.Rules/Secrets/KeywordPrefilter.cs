using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Readiness.Rules.Secrets;

/// <summary>
/// Finds every case-insensitive occurrence of any keyword in one pass over the text, and says which keyword groups
/// start there. Regexes then run only in windows around those positions.
/// </summary>
/// <remarks>
/// Each keyword is anchored on its rarest three characters ("rco" for "intercom", "ig(" for "config("). A 15-bit key
/// of each three consecutive characters (five bits of each, so ASCII case folds for free) is tested in a 4 KB bit set
/// of the anchors' keys; only there are the keywords of that anchor compared, ignoring case. Where the machine has
/// AVX-512 with VBMI (or AVX2), a vectorised first pass (<see cref="FindVectorised"/>, <see cref="FindAvx2"/>) tests a
/// cheaper necessary condition on 62 (32) positions at once and the key is tested only where that passes; elsewhere
/// one scalar loop tests every position.
/// This replaced a case-insensitive <c>SearchValues&lt;string&gt;</c> over all keywords, which with some 230 of them
/// falls back to scalar Aho-Corasick at about 100 M chars/s (and Teddy with that many values is slower still); the
/// positions found are the same (issue 20). Keywords shorter than three characters or not ASCII are searched on
/// their own.
/// </remarks>
public sealed class KeywordPrefilter
{
    private const int AnchorLength = 3;
    private const int KeyBits = 5 * AnchorLength;
    private const uint KeyMask = (1u << KeyBits) - 1;

    private readonly ulong[] anchorKeys = new ulong[(1 << KeyBits) / 64];
    private readonly Candidate[]?[] candidatesByKey = new Candidate[]?[1 << KeyBits];
    private readonly AloneKeyword[] searchedAlone;

    /// <summary>All of <see cref="searchedAlone"/> in one search, so the text is passed over once for them, not once each.</summary>
    private readonly System.Buffers.SearchValues<string> anyAlone;

    /// <summary>
    /// The vectorised first pass this machine runs: AVX-512 with VBMI (AMD Zen 4 and later, Intel's server parts since
    /// Ice Lake), else AVX2 (x86 since 2013-2015, GitHub's hosted runners among them); elsewhere (Arm) the scalar loop
    /// alone tests every position, and finds the same.
    /// </summary>
    internal static FirstPass MachineFirstPass => Machine.FirstPass;

    // Its own class, so the questions about the instruction set (which the precompiled image leaves to the JIT) are
    // a small initializer of their own, not part of this class's.
    private static class Machine
    {
        public static readonly FirstPass FirstPass =
            Avx512Vbmi.IsSupported && Avx512BW.IsSupported && Vector512.IsHardwareAccelerated ? FirstPass.Avx512
            : Avx2.IsSupported && Vector256.IsHardwareAccelerated ? FirstPass.Avx2
            : FirstPass.None;
    }

    /// <summary>The first passes, from none to the widest this machine runs (what the tests compare).</summary>
    internal static IReadOnlyList<FirstPass> MachineFirstPasses => [.. Enum.GetValues<FirstPass>().Where(p => p <= MachineFirstPass)];

    internal enum FirstPass { None, Avx2, Avx512 }

    /// <summary>The 1,024-bit sets of the anchors' pairs of classes (first and second, second and third, first and third), each as two 64-byte halves.</summary>
    private readonly byte[] pairBytes = new byte[6 * 64];

    /// <summary>
    /// The same sets for AVX2's 16-entry lookups: for each pair (a, b), four 32-entry tables of a (one for each b / 8,
    /// holding the bits of b % 8), each as two 16-byte halves repeated in both lanes: <c>[8 * pair + 2 * (b / 8) + half]</c>.
    /// </summary>
    private readonly byte[] pairBytes256 = new byte[24 * 32];

    // The tables above as vectors, made on the first search: the constructor touches no Vector256 or Vector512, which
    // the precompiled image cannot hold code for, so it is not JIT-ed (it was the costliest method JIT-ed at start-up,
    // issue 20).
    private Vector512<byte>[]? pairTables;
    private Vector256<byte>[]? pairTables256;

    /// <summary>
    /// A keyword, where its anchor starts in it, and the groups it belongs to (a group listing it twice reports it
    /// twice).
    /// </summary>
    private sealed record Candidate(string Keyword, int AnchorOffset, int[] Groups);

    /// <summary>A keyword too short for an anchor (or not ASCII), found through the combined search, and its groups.</summary>
    private sealed record AloneKeyword(string Keyword, int[] Groups);

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
        var alone = new List<AloneKeyword>();
        var byKey = new Dictionary<uint, List<Candidate>>();
        foreach (var (keyword, keywordGroups) in groupsByKeyword)
        {
            if (keyword.Length < AnchorLength || !System.Text.Ascii.IsValid(keyword))
            {
                alone.Add(new AloneKeyword(keyword, [.. keywordGroups]));
                continue;
            }
            var offset = RarestAnchor(keyword);
            var key = Key(keyword.AsSpan(offset, AnchorLength));
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(new Candidate(keyword, offset, [.. keywordGroups]));
        }
        var pairs = new byte[3, 128];
        foreach (var (key, list) in byKey)
        {
            anchorKeys[key >> 6] |= 1UL << (int)(key & 63);
            candidatesByKey[key] = [.. list];
            var (first, second, third) = (key >> 10, (key >> 5) & 31, key & 31);
            pairs[0, (first << 2) | (second >> 3)] |= (byte)(1 << (int)(second & 7));
            pairs[1, (second << 2) | (third >> 3)] |= (byte)(1 << (int)(third & 7));
            pairs[2, (first << 2) | (third >> 3)] |= (byte)(1 << (int)(third & 7));
        }
        for (var t = 0; t < 3; t++)
        {
            for (var half = 0; half < 2; half++)
            {
                for (var b = 0; b < 64; b++) pairBytes[(((2 * t) + half) * 64) + b] = pairs[t, (half * 64) + b];
            }
            for (var column = 0; column < 4; column++)
            {
                for (var half = 0; half < 2; half++)
                {
                    for (var b = 0; b < 32; b++) pairBytes256[(((8 * t) + (2 * column) + half) * 32) + b] = pairs[t, (((half * 16) + (b % 16)) << 2) | column];
                }
            }
        }
        searchedAlone = [.. alone];
        anyAlone = System.Buffers.SearchValues.Create([.. alone.Select(a => a.Keyword)], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Calls <paramref name="onHit"/>(group, position) for each keyword occurrence, in increasing position.</summary>
    public void Find(string text, Action<int, int> onHit) => Find(text, onHit, MachineFirstPass);

    /// <param name="text">The text searched.</param>
    /// <param name="onHit">Called with (group, position).</param>
    /// <param name="firstPass">The vectorised first pass to run, one the machine has (the tests compare them all).</param>
    /// <remarks>
    /// Its loops are compiled optimized from their first call: tiered, a scan's early files ran the loop unoptimized
    /// and then in on-stack-replaced code (together as much of a standard-library scan's samples as the optimized
    /// loop itself).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Find(string text, Action<int, int> onHit, FirstPass firstPass)
    {
        if (firstPass > MachineFirstPass) throw new ArgumentOutOfRangeException(nameof(firstPass), $"this machine runs {MachineFirstPass} at most");
        var span = text.AsSpan();
        // Each hit is its position and group in one long (position in the high half), so sorting them is sorting
        // longs: the sorter over an (int, int) tuple is not in the precompiled image and was JIT-ed (issue 20).
        var hits = new List<long>();
        var scanned = firstPass switch
        {
            FirstPass.Avx512 => FindVectorised(span, hits),
            FirstPass.Avx2 => FindAvx2(span, hits),
            _ => 0,
        };
        FindScalar(span, scanned, span.Length - (AnchorLength - 1), hits);
        if (searchedAlone.Length > 0) FindAlone(span, hits);
        hits.Sort();
        foreach (var hit in hits) onHit((int)(hit & 0xFFFFFFFF), (int)(hit >> 32));
    }

    /// <summary>
    /// Tests every anchor position from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive):
    /// the key of the three characters there, each folded to ASCII, in the anchors' bit set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindScalar(ReadOnlySpan<char> text, int from, int to, List<long> hits)
    {
        if (from >= to) return;
        // The five bits of the two characters before the third: the key is built from them anew, not rolled, so
        // consecutive characters do not wait on each other.
        uint twoBack = Class(text[from]), oneBack = Class(text[from + 1]);
        for (var p = from; p < to; p++)
        {
            var c = Class(text[p + AnchorLength - 1]);
            var key = (twoBack << 10) | (oneBack << 5) | c;
            (twoBack, oneBack) = (oneBack, c);
            if (IsAnchorKey(key)) CheckAnchor(text, p, key, hits);
        }
    }

    /// <summary>
    /// The anchor test on 62 positions at once, for text of ASCII characters: a position's pair of first and second,
    /// second and third, and first and third characters' five-bit classes must each be one of some anchor's (three
    /// 1,024-bit sets, each looked up 64 bytes at a time through a 128-byte table). That passes about one position in
    /// 45-50 of the standard library's and efcore's code, where the exact key passes one in 97-118; only those
    /// positions go on to the key. A block holding any non-ASCII character is tested by <see cref="FindScalar"/>
    /// instead, which folds it.
    /// </summary>
    /// <returns>The first position not tested.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindVectorised(ReadOnlySpan<char> text, List<long> hits)
    {
        const int Step = 64 - (AnchorLength - 1);
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var pairTables = this.pairTables ??= Vectors512(pairBytes);
        var (firstSecondLow, firstSecondHigh) = (pairTables[0], pairTables[1]);
        var (secondThirdLow, secondThirdHigh) = (pairTables[2], pairTables[3]);
        var (firstThirdLow, firstThirdHigh) = (pairTables[4], pairTables[5]);
        var bits = Vector512.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128,
            1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128,
            1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);
        var next = Vector512<byte>.Indices + Vector512<byte>.One;
        var afterNext = next + Vector512<byte>.One;
        var p = 0;
        for (; p + Vector512<byte>.Count <= text.Length; p += Step)
        {
            var low = Vector512.LoadUnsafe(ref chars, (nuint)p);
            var high = Vector512.LoadUnsafe(ref chars, (nuint)(p + Vector512<ushort>.Count));
            if (((low | high) & Vector512.Create((ushort)0xFF80)) != Vector512<ushort>.Zero)
            {
                FindScalar(text, p, p + Step, hits);
                continue;
            }
            var first = Vector512.Narrow(low, high) & Vector512.Create((byte)31);
            var second = Avx512Vbmi.PermuteVar64x8(first, next);
            var third = Avx512Vbmi.PermuteVar64x8(first, afterNext);
            // A pair's bit: byte (a << 2 | b >> 3) of its table, bit (b & 7); the bit pattern by a 16-entry shuffle.
            var (firstRow, secondRow, thirdColumn) = (first << 2, second << 2, third >>> 3);
            var firstSecond = Avx512Vbmi.PermuteVar64x8x2(firstSecondLow, firstRow | (second >>> 3), firstSecondHigh)
                & Avx512BW.Shuffle(bits, second);
            var withThird = Avx512Vbmi.PermuteVar64x8x2(secondThirdLow, secondRow | thirdColumn, secondThirdHigh)
                & Avx512Vbmi.PermuteVar64x8x2(firstThirdLow, firstRow | thirdColumn, firstThirdHigh)
                & Avx512BW.Shuffle(bits, third);
            var rejected = Vector512.Equals(firstSecond, Vector512<byte>.Zero) | Vector512.Equals(withThird, Vector512<byte>.Zero);
            var passed = ~rejected.ExtractMostSignificantBits() & ((1UL << Step) - 1);
            for (; passed != 0; passed &= passed - 1)
            {
                var q = p + BitOperations.TrailingZeroCount(passed);
                var key = ((text[q] & 31u) << 10) | ((text[q + 1] & 31u) << 5) | (text[q + 2] & 31u);
                if (IsAnchorKey(key)) CheckAnchor(text, q, key, hits);
            }
        }
        return p;
    }

    /// <summary>
    /// The test of <see cref="FindVectorised"/> with AVX2, on 32 positions at once: the characters at each position and
    /// the next two are read by three overlapping loads, and each pair's bit is looked up by 16-entry shuffles (a class
    /// selects its byte in two of them by its bit 4, the other class's bits 3 and 4 select one of four such bytes, its
    /// low three bits the bit in it). Passes exactly the positions <see cref="FindVectorised"/> passes.
    /// </summary>
    /// <returns>The first position not tested.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindAvx2(ReadOnlySpan<char> text, List<long> hits)
    {
        const int Step = 32;
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var t = pairTables256 ??= Vectors256(pairBytes256);
        var bits = Vector256.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128,
            1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);
        var p = 0;
        for (; p + Step + AnchorLength - 1 <= text.Length; p += Step)
        {
            var (first0, first1) = (Vector256.LoadUnsafe(ref chars, (nuint)p), Vector256.LoadUnsafe(ref chars, (nuint)(p + 16)));
            var (third0, third1) = (Vector256.LoadUnsafe(ref chars, (nuint)(p + 2)), Vector256.LoadUnsafe(ref chars, (nuint)(p + 18)));
            // The four loads cover every character the 32 positions read (p to p + 33).
            if (((first0 | first1 | third0 | third1) & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
            {
                FindScalar(text, p, p + Step, hits);
                continue;
            }
            var classes = Vector256.Create((byte)31);
            var first = Vector256.Narrow(first0, first1) & classes;
            var second = Vector256.Narrow(Vector256.LoadUnsafe(ref chars, (nuint)(p + 1)), Vector256.LoadUnsafe(ref chars, (nuint)(p + 17))) & classes;
            var third = Vector256.Narrow(third0, third1) & classes;
            var rejected =
                Vector256.Equals(PairBits(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], first, second, bits), Vector256<byte>.Zero)
                | Vector256.Equals(PairBits(t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15], second, third, bits), Vector256<byte>.Zero)
                | Vector256.Equals(PairBits(t[16], t[17], t[18], t[19], t[20], t[21], t[22], t[23], first, third, bits), Vector256<byte>.Zero);
            for (var passed = ~rejected.ExtractMostSignificantBits(); passed != 0; passed &= passed - 1)
            {
                var q = p + BitOperations.TrailingZeroCount(passed);
                var key = ((text[q] & 31u) << 10) | ((text[q + 1] & 31u) << 5) | (text[q + 2] & 31u);
                if (IsAnchorKey(key)) CheckAnchor(text, q, key, hits);
            }
        }
        return p;
    }

    private static Vector512<byte>[] Vectors512(byte[] bytes)
    {
        var vectors = new Vector512<byte>[bytes.Length / 64];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = Vector512.Create(bytes.AsSpan(i * 64, 64));
        return vectors;
    }

    private static Vector256<byte>[] Vectors256(byte[] bytes)
    {
        var vectors = new Vector256<byte>[bytes.Length / 32];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = Vector256.Create(bytes.AsSpan(i * 32, 32));
        return vectors;
    }

    /// <summary>For each byte, the bit of the pair (a, b) in one of the sets of <see cref="pairTables256"/> (zero when the pair is no anchor's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> PairBits(
        Vector256<byte> column0Low, Vector256<byte> column0High, Vector256<byte> column1Low, Vector256<byte> column1High,
        Vector256<byte> column2Low, Vector256<byte> column2High, Vector256<byte> column3Low, Vector256<byte> column3High,
        Vector256<byte> a, Vector256<byte> b, Vector256<byte> bits)
    {
        // BlendVariable takes its second operand where the mask's sign bit is set: bit 4 (or 3) shifted there.
        var aHigh = a << 3;
        var column0 = Avx2.BlendVariable(Avx2.Shuffle(column0Low, a), Avx2.Shuffle(column0High, a), aHigh);
        var column1 = Avx2.BlendVariable(Avx2.Shuffle(column1Low, a), Avx2.Shuffle(column1High, a), aHigh);
        var column2 = Avx2.BlendVariable(Avx2.Shuffle(column2Low, a), Avx2.Shuffle(column2High, a), aHigh);
        var column3 = Avx2.BlendVariable(Avx2.Shuffle(column3Low, a), Avx2.Shuffle(column3High, a), aHigh);
        var bBit3 = b << 4;
        var column = Avx2.BlendVariable(Avx2.BlendVariable(column0, column1, bBit3), Avx2.BlendVariable(column2, column3, bBit3), b << 3);
        return column & Avx2.Shuffle(bits, b);
    }

    private bool IsAnchorKey(uint key) => ((anchorKeys[key >> 6] >> (int)(key & 63)) & 1) != 0;

    /// <summary>Compares the keywords of the anchor at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckAnchor(ReadOnlySpan<char> text, int position, uint key, List<long> hits)
    {
        foreach (var candidate in candidatesByKey[key]!)
        {
            var start = position - candidate.AnchorOffset;
            if (start >= 0 && IsAt(text, start, candidate.Keyword)) Add(hits, start, candidate.Groups);
        }
    }

    /// <summary>
    /// Every occurrence of a keyword too short for an anchor ("??", "0x", "q~"), overlapping ones too. One
    /// <c>SearchValues&lt;string&gt;</c> of them all, ignoring case, compares their characters vectorised (finding a
    /// keyword by one of its characters and then comparing stopped at every '0' and '-' of the text); where it stops,
    /// comparing each keyword there says which start (one search each over the whole text took a fifth of the
    /// prefilter's time on the standard library, issue 20).
    /// </summary>
    private void FindAlone(ReadOnlySpan<char> text, List<long> hits)
    {
        for (var offset = 0; offset < text.Length;)
        {
            var found = text[offset..].IndexOfAny(anyAlone);
            if (found < 0) break;
            var position = offset + found;
            foreach (var keyword in searchedAlone)
            {
                if (text[position..].StartsWith(keyword.Keyword, StringComparison.OrdinalIgnoreCase)) Add(hits, position, keyword.Groups);
            }
            offset = position + 1;
        }
    }

    /// <summary>
    /// Whether the (lower-case) keyword starts there, ignoring case as <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// does: ASCII characters by folding, so most candidates fail without a call; a non-ASCII character on either
    /// side leaves the whole comparison to <see cref="StringComparison.OrdinalIgnoreCase"/>.
    /// </summary>
    private static bool IsAt(ReadOnlySpan<char> text, int start, string keyword)
    {
        if (start + keyword.Length > text.Length) return false;
        var at = text.Slice(start, keyword.Length);
        for (var i = 0; i < at.Length; i++)
        {
            var (c, k) = (at[i], keyword[i]);
            if (c == k) continue;
            if (c >= 128 || k >= 128) return at.Equals(keyword, StringComparison.OrdinalIgnoreCase);
            if ((c | 0x20) != k || !char.IsAsciiLetterLower(k)) return false;
        }
        return true;
    }

    private static void Add(List<long> hits, int position, int[] groups)
    {
        foreach (var group in groups) hits.Add(((long)position << 32) | (uint)group);
    }

    /// <summary>The low five bits of each character: an ASCII letter and its other case give the same key.</summary>
    private static uint Key(ReadOnlySpan<char> anchor)
    {
        uint key = 0;
        foreach (var c in anchor) key = (key << 5) | (c & 31u);
        return key & KeyMask;
    }

    /// <summary>
    /// The low five bits of a character. A non-ASCII character that equals an ASCII letter when case is ignored stands
    /// for that letter, so the key misses no occurrence; every candidate is then compared ignoring case, as before.
    /// </summary>
    private static uint Class(char c) => (c < 128 ? c : FoldToAscii(c)) & 31;

    private static uint FoldToAscii(char c)
    {
        var upper = char.ToUpperInvariant(c);
        if (upper < 128) return upper;
        var lower = char.ToLowerInvariant(c);
        return lower < 128 ? lower : c;
    }

    /// <summary>
    /// Where the keyword's least common three characters start: by the frequency of characters in English text and
    /// code, each of the two pairs they hold made costlier by how common it is in code (<see cref="CommonPairs"/>), so
    /// a keyword is not anchored on a common syllable ("com" of "intercom", "key" of "storage_key").
    /// </summary>
    private static int RarestAnchor(string keyword)
    {
        var best = 0;
        var bestCost = double.MaxValue;
        for (var offset = 0; offset + AnchorLength <= keyword.Length; offset++)
        {
            var cost = 1.0;
            foreach (var c in keyword.AsSpan(offset, AnchorLength)) cost *= Commonness(c);
            for (var pair = offset; pair < offset + AnchorLength - 1; pair++) cost *= PairCommonness(keyword.AsSpan(pair, 2));
            if (cost < bestCost) (best, bestCost) = (offset, cost);
        }
        return best;
    }

    /// <summary>
    /// The 200 most common pairs of characters (lower-cased) in code, most common first: counted over the first
    /// 10 M characters each of the Python standard library's .py files and dotnet/efcore's .cs files (issue 20). With
    /// them, the standard library, efcore and JavaScript (not counted) have 28%, 67% and 37% fewer positions whose key
    /// is an anchor's than with the characters' frequencies alone.
    /// </summary>
    private const string CommonPairs =
        "  reinone ertise tatth ste ienordeio//arescontn s " +
        "le a cme, stt itetalelraheanpeamngtyr taismandexd " +
        "edpr =li nneroecct r= na 'astrto f/  our d e /pari" +
        "f  pnsnossicsicelart ly ilgelfca# ousullefodap b m" +
        " #othafieary <em wdiulyptuvevaifncuel blopumfo>  0" +
        "g f.rnomace.o s.luchutda0xwiunmpadigpp vablo' sott" +
        "ole(a ldmopi\"\"xpmm (() \" u: ee(sc ewfrplhotsbuxtrs" +
        "idhiimpoltaikeepe)os -qu):becldo</use,ubh of);--pt";

    /// <summary>1 for a pair not among <see cref="CommonPairs"/>, up to 17 for the most common.</summary>
    private static double PairCommonness(ReadOnlySpan<char> pair) =>
        pair[0] < 128 && pair[1] < 128 ? 1 + (16.0 * PairRanks[(pair[0] * 128) + pair[1]] / (CommonPairs.Length / 2)) : 1;

    /// <summary>Each ASCII pair's place among <see cref="CommonPairs"/> counted from the least common (200 for the most common), or 0.</summary>
    private static readonly byte[] PairRanks = RankPairs();

    private static byte[] RankPairs()
    {
        var ranks = new byte[128 * 128];
        var count = CommonPairs.Length / 2;
        for (var rank = 0; rank < count; rank++) ranks[(CommonPairs[2 * rank] * 128) + CommonPairs[(2 * rank) + 1]] = (byte)(count - rank);
        return ranks;
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
