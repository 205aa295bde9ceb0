using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// The patterns of one .gitignore (or .readinessignore) file, with git's semantics: later patterns win, '!' negates,
/// a trailing '/' matches directories only, a pattern with a '/' before its end is anchored to the file's folder,
/// '**' spans folders.
/// </summary>
/// <remarks>
/// Most lines are a plain name ("node_modules"), a path ("/build/out") or "*" and a suffix ("*.pyc"): those are
/// looked up by hash (the entry's name, its path, its extension) or compared as strings; only the rest run as
/// regexes, newest first, and only while a later line could still decide. The last matching line wins, as in git.
/// </remarks>
public sealed class GitIgnore
{
    private readonly List<(bool Negated, bool DirectoryOnly)> patterns = [];

    // Line numbers (indexes into patterns, ascending) by what they match literally.
    private readonly Dictionary<string, List<int>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byExtension = new(StringComparer.Ordinal);
    private readonly List<(string Suffix, int Index)> bySuffix = [];
    private readonly List<(Regex Regex, int Index)> regexes = [];

    /// <summary>Folder of the ignore file, relative to the scan root ("" for the root), with forward slashes.</summary>
    public string BaseDirectory { get; }

    public GitIgnore(string baseDirectory, IEnumerable<string> lines)
    {
        BaseDirectory = baseDirectory;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (!line.EndsWith("\\ ", StringComparison.Ordinal)) line = line.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var negated = line.StartsWith('!');
            if (negated) line = line[1..];
            if (line.StartsWith("\\#", StringComparison.Ordinal) || line.StartsWith("\\!", StringComparison.Ordinal)) line = line[1..];
            var directoryOnly = line.EndsWith('/');
            if (directoryOnly) line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            var anchored = line.Contains('/');
            if (line.StartsWith('/')) line = line[1..];
            var index = patterns.Count;
            patterns.Add((negated, directoryOnly));
            if (!HasWildcard(line)) Add(anchored ? byPath : byName, line, index);
            else if (!anchored && line[0] == '*' && line.Length > 1 && !HasWildcard(line.AsSpan(1)))
            {
                // "*.pyc" matches a name ending in ".pyc"; with one dot, that is the name's extension.
                var suffix = line[1..];
                if (suffix[0] == '.' && suffix.LastIndexOf('.') == 0) Add(byExtension, suffix, index);
                else bySuffix.Add((suffix, index));
            }
            else regexes.Add((new Regex(ToRegex(line, anchored), RegexOptions.CultureInvariant), index));
        }
    }

    private static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny("*?[\\") >= 0;

    private static void Add(Dictionary<string, List<int>> map, string key, int index)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(index);
    }

    /// <summary>True/false when a pattern decides for the path (relative to the scan root), null when none matches.</summary>
    public bool? IsIgnored(string relativePath, bool isDirectory)
    {
        string local;
        if (BaseDirectory.Length == 0) local = relativePath;
        else if (relativePath.StartsWith(BaseDirectory + "/", StringComparison.Ordinal)) local = relativePath[(BaseDirectory.Length + 1)..];
        else return null;

        var slash = local.LastIndexOf('/');
        var name = slash < 0 ? local : local[(slash + 1)..];
        var dot = name.LastIndexOf('.');
        var last = -1;
        Latest(byName, name);
        Latest(byPath, local);
        if (dot >= 0) Latest(byExtension, name[dot..]);
        foreach (var (suffix, index) in bySuffix)
        {
            if (index > last && Applies(index) && name.EndsWith(suffix, StringComparison.Ordinal)) last = index;
        }
        for (var i = regexes.Count - 1; i >= 0 && regexes[i].Index > last; i--)
        {
            if (Applies(regexes[i].Index) && regexes[i].Regex.IsMatch(local))
            {
                last = regexes[i].Index;
                break;
            }
        }
        return last < 0 ? null : !patterns[last].Negated;

        bool Applies(int index) => isDirectory || !patterns[index].DirectoryOnly;

        void Latest(Dictionary<string, List<int>> map, string key)
        {
            if (!map.TryGetValue(key, out var indexes)) return;
            foreach (var index in indexes)
            {
                if (index > last && Applies(index)) last = index;
            }
        }
    }

    private static string ToRegex(string pattern, bool anchored)
    {
        var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slashAfter = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 1);
                if (end < 0) { sb.Append("\\["); continue; }
                var set = pattern[(i + 1)..end].Replace("\\", "\\\\");
                if (set.StartsWith('!')) set = "^" + set[1..];
                sb.Append('[').Append(set).Append(']');
                i = end;
            }
            else if (c == '\\' && i + 1 < pattern.Length) sb.Append(Regex.Escape(pattern[++i].ToString()));
            else sb.Append(Regex.Escape(c.ToString()));
        }
        sb.Append("$");
        return sb.ToString();
    }
}
