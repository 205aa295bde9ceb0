using System.Buffers;
using System.Text;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// The patterns of one .gitignore (or .readinessignore) file, with git's semantics: later patterns win, '!' negates,
/// a trailing '/' matches directories only, a pattern without a '/' (but the trailing one) matches the entry's name at
/// any level, one with a '/' the path relative to the file's folder, and wildcards follow git's wildmatch.
/// </summary>
/// <remarks>
/// Most lines are a plain name ("node_modules"), a path ("/build/out") or "*" and a suffix ("*.pyc"): those are
/// looked up by hash (the entry's name, its path, its extension) or compared as strings. The rest are globs, tried
/// newest first and only while a later line could still decide: each is first rejected cheaply when the name (or
/// path) does not start with its literal head or end with its literal tail, and only then matched by
/// <see cref="Wildmatch"/>, a port of git's wildmatch.c over the path's UTF-8 bytes (git matches bytes: '?' is one
/// byte). Nothing is allocated per entry.
/// </remarks>
public sealed class GitIgnore
{
    private readonly List<(bool Negated, bool DirectoryOnly)> patterns = [];

    // Line numbers (indexes into patterns, ascending) by what they match literally.
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> byName = NewLookup();
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> byPath = NewLookup();
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> byExtension = NewLookup();
    private readonly List<(string Suffix, int Index)> bySuffix = [];
    private readonly List<Glob> globs = [];

    /// <summary>Folder of the ignore file, relative to the scan root ("" for the root), with forward slashes.</summary>
    public string BaseDirectory { get; }

    public GitIgnore(string baseDirectory, IEnumerable<string> lines)
    {
        BaseDirectory = baseDirectory;
        foreach (var raw in lines)
        {
            // As git reads a line: a comment only when '#' is its first character; a "\r" before the end of line and
            // trailing spaces (not tabs, not an escaped "\ ") dropped; a leading '!' negates; one trailing '/' makes
            // it folder-only; a '/' left anywhere anchors it, and a leading one is then dropped.
            if (raw.StartsWith('#')) continue;
            var line = TrimTrailingSpaces(raw.EndsWith('\r') ? raw[..^1] : raw);
            var negated = line.StartsWith('!');
            if (negated) line = line[1..];
            var directoryOnly = line.EndsWith('/');
            if (directoryOnly) line = line[..^1];
            var anchored = line.Contains('/');
            if (line.StartsWith('/')) line = line[1..];
            if (line.Length == 0) continue; // an empty pattern matches nothing

            var index = patterns.Count;
            var glob = Glob.Parse(line, anchored, index);
            if (glob is null) continue; // an unclosed '[', an unknown [:class:] or a trailing '\': git never matches it
            patterns.Add((negated, directoryOnly));
            if (glob.Literal is { } literal) Add(anchored ? byPath : byName, literal, index);
            else if (!anchored && line[0] == '*' && !HasWildcard(line.AsSpan(1)))
            {
                // "*.pyc" matches a name ending in ".pyc"; with one dot, that is the name's extension.
                var suffix = line[1..];
                if (suffix.StartsWith('.') && suffix.LastIndexOf('.') == 0) Add(byExtension, suffix, index);
                else bySuffix.Add((suffix, index));
            }
            else globs.Add(glob);
        }
    }

    private static Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> NewLookup() =>
        new Dictionary<string, List<int>>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny("*?[\\") >= 0;

    /// <summary>git's trim_trailing_spaces: unescaped trailing spaces go; a backslash keeps the character after it.</summary>
    private static string TrimTrailingSpaces(string line)
    {
        var firstTrailingSpace = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ' ')
            {
                if (firstTrailingSpace < 0) firstTrailingSpace = i;
                continue;
            }
            if (line[i] == '\\' && ++i == line.Length) return line;
            firstTrailingSpace = -1;
        }
        return firstTrailingSpace < 0 ? line : line[..firstTrailingSpace];
    }

    private static void Add(Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> map, string key, int index)
    {
        if (!map.Dictionary.TryGetValue(key, out var list)) map.Dictionary[key] = list = [];
        list.Add(index);
    }

    /// <summary>
    /// What the ignore files along a path decide, outermost first: as in git, a deeper file's matching line wins over
    /// a shallower one's. Null when no line of any matches.
    /// </summary>
    public static bool? Decide(IReadOnlyList<GitIgnore> ignores, string relativePath, bool isDirectory)
    {
        bool? decided = null;
        for (var i = 0; i < ignores.Count; i++) decided = ignores[i].IsIgnored(relativePath, isDirectory) ?? decided;
        return decided;
    }

    /// <summary>True/false when a pattern decides for the path (relative to the scan root), null when none matches.</summary>
    public bool? IsIgnored(string relativePath, bool isDirectory)
    {
        ReadOnlySpan<char> local = relativePath;
        if (BaseDirectory.Length > 0)
        {
            if (relativePath.Length <= BaseDirectory.Length || relativePath[BaseDirectory.Length] != '/'
                || !relativePath.StartsWith(BaseDirectory, StringComparison.Ordinal)) return null;
            local = local[(BaseDirectory.Length + 1)..];
        }

        var name = local[(local.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var last = -1;
        Latest(byName, name);
        Latest(byPath, local);
        if (dot >= 0) Latest(byExtension, name[dot..]);
        foreach (var (suffix, index) in bySuffix)
        {
            if (index > last && Applies(index) && name.EndsWith(suffix, StringComparison.Ordinal)) last = index;
        }
        for (var i = globs.Count - 1; i >= 0 && globs[i].Index > last; i--)
        {
            if (Applies(globs[i].Index) && globs[i].MayMatch(local, name))
            {
                last = MatchGlobs(i, local, name, isDirectory, last);
                break;
            }
        }
        return last < 0 ? null : !patterns[last].Negated;

        bool Applies(int index) => isDirectory || !patterns[index].DirectoryOnly;

        void Latest(Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> map, ReadOnlySpan<char> key)
        {
            if (!map.TryGetValue(key, out var indexes)) return;
            foreach (var index in indexes)
            {
                if (index > last && Applies(index)) last = index;
            }
        }
    }

    /// <summary>The newest line from globs[<paramref name="from"/>] down that matches (else <paramref name="last"/>).</summary>
    private int MatchGlobs(int from, ReadOnlySpan<char> local, ReadOnlySpan<char> name, bool isDirectory, int last)
    {
        const int StackBytes = 1024;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(local.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var localBytes = buffer[..Encoding.UTF8.GetBytes(local, buffer)];
            var nameBytes = localBytes[(localBytes.LastIndexOf((byte)'/') + 1)..];
            for (var i = from; i >= 0 && globs[i].Index > last; i--)
            {
                var glob = globs[i];
                if (!isDirectory && patterns[glob.Index].DirectoryOnly) continue;
                if (glob.MayMatch(local, name) && glob.Matches(localBytes, nameBytes)) return glob.Index;
            }
            return last;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>One pattern line as git's wildmatch reads it, with what any match must start and end with.</summary>
    private sealed class Glob
    {
        private readonly byte[] pattern;
        private readonly bool anchored;
        private readonly string head;
        private readonly string tail;

        public int Index { get; }

        /// <summary>The pattern unescaped, when it has no wildcard (so it matches exactly that name or path).</summary>
        public string? Literal { get; }

        private Glob(byte[] pattern, bool anchored, int index, string head, string tail, string? literal)
        {
            this.pattern = pattern;
            this.anchored = anchored;
            Index = index;
            this.head = head;
            this.tail = tail;
            Literal = literal;
        }

        /// <summary>Null when git can never match the pattern.</summary>
        public static Glob? Parse(string line, bool anchored, int index)
        {
            var p = Encoding.UTF8.GetBytes(line);
            // Walked as wildmatch walks it: each literal byte (or '\' and the byte it escapes) is one position; '?',
            // a run of '*' and a [class] are wildcards. head: the literal bytes before the first wildcard; tail: those
            // after the last one (the '/' after a "**/" belongs to it: "**/" also matches nothing at all).
            var literal = new List<byte>();
            byte[]? head = null;
            for (var i = 0; i < p.Length; i++)
            {
                var c = p[i];
                if (c == '\\')
                {
                    if (++i == p.Length) return null;
                    literal.Add(p[i]);
                    continue;
                }
                if (c is not ((byte)'*' or (byte)'?' or (byte)'[')) { literal.Add(c); continue; }
                head ??= [.. literal];
                if (c == '[' && MatchClass(p, ref i, 'a') == ClassResult.Malformed) return null;
                if (c == '*')
                {
                    var start = i;
                    while (i + 1 < p.Length && p[i + 1] == '*') i++;
                    if (i > start && (start == 0 || p[start - 1] == '/') && i + 1 < p.Length && p[i + 1] == '/') i++;
                }
                literal.Clear();
            }
            var tail = Encoding.UTF8.GetString([.. literal]);
            return head is null
                ? new Glob(p, anchored, index, "", "", tail)
                : new Glob(p, anchored, index, Encoding.UTF8.GetString(head), tail, null);
        }

        /// <summary>False when the name (unanchored) or path (anchored) cannot match: cheap, before <see cref="Matches"/>.</summary>
        public bool MayMatch(ReadOnlySpan<char> local, ReadOnlySpan<char> name)
        {
            var text = anchored ? local : name;
            return text.Length >= head.Length + tail.Length
                && text.StartsWith(head, StringComparison.Ordinal) && text.EndsWith(tail, StringComparison.Ordinal);
        }

        public bool Matches(ReadOnlySpan<byte> local, ReadOnlySpan<byte> name) =>
            anchored ? Wildmatch(pattern, 0, local, 0, pathname: true) == Match.Yes : Wildmatch(pattern, 0, name, 0, pathname: false) == Match.Yes;
    }

    private enum Match { Yes, No, AbortAll, AbortToDoubleStar }

    /// <summary>
    /// git's wildmatch (wildmatch.c, dowild) over bytes, case-sensitive. With <paramref name="pathname"/> (WM_PATHNAME,
    /// for anchored lines) '*', '?' and a class never match '/', and "**" between slashes (or at an end) spans folders;
    /// without it '*' is any run of bytes (only a name is matched then, which has no '/').
    /// </summary>
    private static Match Wildmatch(ReadOnlySpan<byte> p, int pi, ReadOnlySpan<byte> text, int ti, bool pathname)
    {
        for (; pi < p.Length; ti++, pi++)
        {
            var pc = p[pi];
            int tc = ti < text.Length ? text[ti] : -1;
            if (tc < 0 && pc != '*') return Match.AbortAll;
            switch (pc)
            {
                case (byte)'\\':
                    // A literal match with the next byte; a trailing '\' matches nothing.
                    if (++pi == p.Length || tc != p[pi]) return Match.No;
                    continue;
                default:
                    if (tc != pc) return Match.No;
                    continue;
                case (byte)'?':
                    if (pathname && tc == '/') return Match.No;
                    continue;
                case (byte)'[':
                    var result = MatchClass(p, ref pi, tc);
                    if (result == ClassResult.Malformed) return Match.AbortAll;
                    if (result == ClassResult.No || (pathname && tc == '/')) return Match.No;
                    continue;
                case (byte)'*':
                    bool matchSlash;
                    if (++pi < p.Length && p[pi] == '*')
                    {
                        var before = pi - 2;
                        while (++pi < p.Length && p[pi] == '*') { }
                        if ((before < 0 || p[before] == '/')
                            && (pi == p.Length || p[pi] == '/' || (p[pi] == '\\' && pi + 1 < p.Length && p[pi + 1] == '/')))
                        {
                            // "**/" may match nothing: try the rest of the pattern right here first.
                            if (pi < p.Length && p[pi] == '/' && Wildmatch(p, pi + 1, text, ti, pathname) == Match.Yes) return Match.Yes;
                            matchSlash = true;
                        }
                        else matchSlash = false; // "**" elsewhere is an ordinary '*'
                    }
                    else matchSlash = !pathname;
                    if (pi == p.Length)
                    {
                        // A trailing "**" matches everything; a trailing '*' only what has no more '/'.
                        return !matchSlash && text[ti..].Contains((byte)'/') ? Match.No : Match.Yes;
                    }
                    if (!matchSlash && p[pi] == '/')
                    {
                        // One '*' before a '/' matches the rest of this folder name.
                        var slash = text[ti..].IndexOf((byte)'/');
                        if (slash < 0) return Match.No;
                        ti += slash;
                        break; // the loop steps over the '/' in both
                    }
                    while (tc >= 0)
                    {
                        if (p[pi] is not ((byte)'*' or (byte)'?' or (byte)'[' or (byte)'\\'))
                        {
                            // A literal after the '*': skip to where it occurs next (not past a '/' unless "**").
                            var next = p[pi];
                            while (ti < text.Length && (matchSlash || text[ti] != '/') && text[ti] != next) ti++;
                            tc = ti < text.Length ? text[ti] : -1;
                            if (tc != next) return matchSlash ? Match.AbortAll : Match.AbortToDoubleStar;
                        }
                        var matched = Wildmatch(p, pi, text, ti, pathname);
                        if (matched != Match.No)
                        {
                            if (!matchSlash || matched != Match.AbortToDoubleStar) return matched;
                        }
                        else if (!matchSlash && tc == '/') return Match.AbortToDoubleStar;
                        tc = ++ti < text.Length ? text[ti] : -1;
                    }
                    return Match.AbortAll;
            }
        }
        return ti < text.Length ? Match.No : Match.Yes;
    }

    private enum ClassResult { Yes, No, Malformed }

    /// <summary>
    /// The class that opens at p[<paramref name="pi"/>] ('[') against the byte <paramref name="tc"/>, as wildmatch
    /// reads it: '!' or '^' first negates, a ']' first (after them) is literal, "a-z" ranges, '\' escapes,
    /// [:alpha:] and the other POSIX names; <paramref name="pi"/> is left on the closing ']'.
    /// </summary>
    private static ClassResult MatchClass(ReadOnlySpan<byte> p, ref int pi, int tc)
    {
        var pc = At(p, ++pi);
        if (pc == '^') pc = '!';
        var negated = pc == '!';
        if (negated) pc = At(p, ++pi);
        var previous = 0;
        var matched = false;
        while (true)
        {
            if (pc == 0) return ClassResult.Malformed;
            if (pc == '\\')
            {
                pc = At(p, ++pi);
                if (pc == 0) return ClassResult.Malformed;
                if (tc == pc) matched = true;
            }
            else if (pc == '-' && previous != 0 && At(p, pi + 1) != 0 && At(p, pi + 1) != ']')
            {
                pc = At(p, ++pi);
                if (pc == '\\')
                {
                    pc = At(p, ++pi);
                    if (pc == 0) return ClassResult.Malformed;
                }
                if (tc <= pc && tc >= previous) matched = true;
                pc = 0; // so that a '-' right after a range is literal
            }
            else if (pc == '[' && At(p, pi + 1) == ':')
            {
                var start = pi += 2;
                while ((pc = At(p, pi)) != 0 && pc != ']') pi++;
                if (pc == 0) return ClassResult.Malformed;
                if (pi - start - 1 < 0 || p[pi - 1] != ':')
                {
                    // No ":]": the '[' is an ordinary member.
                    pi = start - 2;
                    pc = '[';
                    if (tc == pc) matched = true;
                }
                else
                {
                    if (PosixClass(p[start..(pi - 1)], tc) is not { } inClass) return ClassResult.Malformed;
                    if (inClass) matched = true;
                    pc = 0;
                }
            }
            else if (tc == pc) matched = true;
            previous = pc;
            if ((pc = At(p, ++pi)) == ']') break;
        }
        return matched != negated ? ClassResult.Yes : ClassResult.No;
    }

    /// <summary>The pattern's byte at <paramref name="i"/>, 0 past its end (wildmatch reads a NUL-terminated string).</summary>
    private static int At(ReadOnlySpan<byte> p, int i) => i < p.Length ? p[i] : 0;

    /// <summary>Whether the byte is in the named POSIX class (ASCII only, as git's sane_ctype); null for an unknown name.</summary>
    private static bool? PosixClass(ReadOnlySpan<byte> className, int tc)
    {
        Span<char> name = stackalloc char[6];
        if (className.Length > name.Length) return null;
        name = name[..Encoding.ASCII.GetChars(className, name)];
        var c = (char)tc;
        var ascii = tc < 128;
        return name switch
        {
            "alnum" => char.IsAsciiLetterOrDigit(c),
            "alpha" => char.IsAsciiLetter(c),
            "blank" => c is ' ' or '\t',
            "cntrl" => ascii && char.IsControl(c),
            "digit" => char.IsAsciiDigit(c),
            "graph" => c is > ' ' and < '\x7f',
            "lower" => char.IsAsciiLetterLower(c),
            "print" => c is >= ' ' and < '\x7f',
            "punct" => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c),
            "space" => c is ' ' or '\t' or '\n' or '\r',
            "upper" => char.IsAsciiLetterUpper(c),
            "xdigit" => char.IsAsciiHexDigit(c),
            _ => null,
        };
    }
}
