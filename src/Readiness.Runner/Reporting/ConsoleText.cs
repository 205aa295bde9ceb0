using System.Globalization;
using System.Text;

namespace Readiness.Runner.Reporting;

/// <summary>
/// Scanned text (paths, messages, snippets, HTTP headers, AWS data) as inert terminal text: control characters,
/// escape sequences and bidirectional overrides are shown as escapes (\n, \x1b, \u202e), so a folder named
/// "a\nREADY: ..." cannot forge a verdict line and ESC sequences cannot reach the terminal.
/// </summary>
public static class ConsoleText
{
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, and the Unicode bidi embeddings, overrides and isolates (Trojan Source).</summary>
    public static bool NeedsEscape(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\u200e' or '\u200f' or '\u061c';
}
