using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Runner.Sources.Files;

/// <summary>
/// The patterns of one .gitignore (or .readinessignore) file, with git's semantics: later patterns win, '!' negates,
/// a trailing '/' matches directories only, a pattern with a '/' before its end is anchored to the file's folder,
/// '**' spans folders.
/// </summary>
public sealed class GitIgnore
{
    private readonly List<(Regex Regex, bool Negated, bool DirectoryOnly)> patterns = [];

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
            patterns.Add((new Regex(ToRegex(line, anchored), RegexOptions.CultureInvariant), negated, directoryOnly));
        }
    }

    /// <summary>True/false when a pattern decides for the path (relative to the scan root), null when none matches.</summary>
    public bool? IsIgnored(string relativePath, bool isDirectory)
    {
        string local;
        if (BaseDirectory.Length == 0) local = relativePath;
        else if (relativePath.StartsWith(BaseDirectory + "/", StringComparison.Ordinal)) local = relativePath[(BaseDirectory.Length + 1)..];
        else return null;

        bool? result = null;
        foreach (var (regex, negated, directoryOnly) in patterns)
        {
            if (directoryOnly && !isDirectory) continue;
            if (regex.IsMatch(local)) result = !negated;
        }
        return result;
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
