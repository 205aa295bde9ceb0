using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// The two glob flavours a suppression's match uses. For paths, '*' and '?' stay within one folder and '**' crosses
/// folders (apps/**/.env*); for resource ids and ARNs, '*' matches anything, as in IAM policies (arn:aws:rds:*:db:prod-*).
/// </summary>
public static class Glob
{
    public static Regex ForPath(string pattern) => Build(pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern, pathMode: true);

    public static Regex ForText(string pattern) => Build(pattern, pathMode: false);

    private static Regex Build(string pattern, bool pathMode)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && pathMode && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else if (c == '*') regex.Append(pathMode ? "[^/]*" : ".*");
            else if (c == '?') regex.Append(pathMode ? "[^/]" : ".");
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
