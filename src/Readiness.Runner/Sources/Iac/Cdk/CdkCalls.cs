namespace Readiness.Runner.Sources.Iac.Cdk;

/// <summary>One argument of a call in CDK source: its name (Python keyword, TypeScript object key) or null, its text and where it starts.</summary>
internal sealed record CdkArgument(string? Name, string Text, int Offset);

/// <summary>
/// The few pieces of TypeScript and Python syntax the CDK construct checks need, read from text: a call's arguments,
/// an object literal's properties and Python keyword arguments, skipping strings and comments. It is not a parser of
/// either language: what it cannot read is left out, and the checks judge only what it read.
/// </summary>
internal static class CdkCalls
{
    /// <summary>The offset of the parenthesis closing the one at <paramref name="open"/>, or -1.</summary>
    public static int Closing(string text, int open, bool python)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`') { i = StringEnd(text, i); if (i < 0) return -1; continue; }
            if (IsCommentStart(text, i, python)) { i = CommentEnd(text, i, python); continue; }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The arguments between the parentheses at <paramref name="open"/> and <paramref name="close"/>, split at top-level commas.</summary>
    public static List<CdkArgument> Arguments(string text, int open, int close, bool python) =>
        Split(text, open + 1, close, python).Select(a => Named(text, a.Start, a.End, python ? '=' : '\0')).ToList();

    /// <summary>The properties of an object literal <c>{ key: value, ... }</c> (TypeScript) whose braces are at the given offsets; shorthands and spreads unnamed.</summary>
    public static List<CdkArgument> Properties(string text, int open, int close) =>
        Split(text, open + 1, close, python: false).Select(a => Named(text, a.Start, a.End, ':')).ToList();

    /// <summary>Which offsets are code, not inside a string or a comment, so a construct named in either is not read.</summary>
    public static bool[] CodeMask(string text, bool python)
    {
        var code = new bool[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '"' or '\'' or '`' ? StringEnd(text, i) : IsCommentStart(text, i, python) ? CommentEnd(text, i, python) : i - 1;
            if (end < i) { code[i] = true; continue; }
            i = end; // the string or comment stays false
        }
        return code;
    }

    /// <summary>The 1-based line of an offset.</summary>
    public static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++) if (text[i] == '\n') line++;
        return line;
    }

    /// <summary>A string literal's content ('x', "x", `x` without substitutions), else null.</summary>
    public static string? StringLiteral(string text)
    {
        var t = text.Trim();
        if (t.Length < 2 || t[0] is not ('"' or '\'' or '`') || t[^1] != t[0] || t.Contains("${", StringComparison.Ordinal)) return null;
        return t[1..^1];
    }

    /// <summary>snake_case as camelCase, so Python keyword arguments and TypeScript properties share one name.</summary>
    public static string Camel(string name)
    {
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? name : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static List<(int Start, int End)> Split(string text, int start, int end, bool python)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var from = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`') { i = StringEnd(text, i); if (i < 0 || i >= end) break; continue; }
            if (IsCommentStart(text, i, python)) { i = CommentEnd(text, i, python); continue; }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == ',' && depth == 0) { parts.Add((from, i)); from = i + 1; }
        }
        parts.Add((from, end));
        return parts.Where(p => !string.IsNullOrWhiteSpace(WithoutComments(text[p.Item1..p.Item2], python))).ToList();
    }

    /// <summary>An argument as name and value when it starts with an identifier and the separator (key: / key=), else unnamed.</summary>
    private static CdkArgument Named(string text, int start, int end, char separator)
    {
        var s = start;
        while (s < end && (char.IsWhiteSpace(text[s]) || IsCommentStart(text, s, separator == '=')))
            s = char.IsWhiteSpace(text[s]) ? s + 1 : CommentEnd(text, s, separator == '=') + 1;
        var i = s;
        while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$')) i++;
        var j = i;
        while (j < end && text[j] is ' ' or '\t') j++;
        // key: value (not a ternary's ':' nor '::'), name=value (not '==').
        if (separator != '\0' && i > s && j < end && text[j] == separator && (j + 1 >= end || text[j + 1] != separator))
            return new CdkArgument(text[s..i], WithoutComments(text[(j + 1)..end], separator == '=').Trim(), j + 1 + Leading(text, j + 1, end));
        return new CdkArgument(null, WithoutComments(text[s..end], separator == '=').Trim(), s);
    }

    private static int Leading(string text, int start, int end)
    {
        var i = start;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i - start;
    }

    private static string WithoutComments(string text, bool python)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '"' or '\'' or '`')
            {
                var e = StringEnd(text, i);
                if (e < 0) { result.Append(text[i..]); break; }
                result.Append(text, i, e - i + 1);
                i = e;
                continue;
            }
            if (IsCommentStart(text, i, python)) { i = CommentEnd(text, i, python); continue; }
            result.Append(text[i]);
        }
        return result.ToString();
    }

    private static bool IsCommentStart(string text, int i, bool python) =>
        python ? text[i] == '#' : text[i] == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*';

    /// <summary>The last offset of the comment starting at i (the newline ending a line comment is not part of it).</summary>
    private static int CommentEnd(string text, int i, bool python)
    {
        if (!python && text[i + 1] == '*')
        {
            var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return end < 0 ? text.Length - 1 : end + 1;
        }
        var newline = text.IndexOf('\n', i);
        return newline < 0 ? text.Length - 1 : newline - 1;
    }

    /// <summary>The offset of the quote closing the string that starts at i (Python triple quotes too), or -1.</summary>
    private static int StringEnd(string text, int i)
    {
        var quote = text[i];
        if (quote != '`' && i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)
        {
            var triple = new string(quote, 3);
            var end = text.IndexOf(triple, i + 3, StringComparison.Ordinal);
            return end < 0 ? -1 : end + 2;
        }
        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] == '\\') { j++; continue; }
            if (text[j] == quote) return j;
            if (text[j] == '\n' && quote != '`') return -1;
        }
        return -1;
    }
}
