using System.Text;

namespace Readiness.Rules.Languages.Python;

public enum PyTokenKind { Name, Number, String, Op, Newline, Indent, End }

/// <summary>A token with its character offset. Strings carry their decoded value; <see cref="Indent"/> tokens carry the column.</summary>
public sealed record PyToken(PyTokenKind Kind, string Text, int Offset, string? StringValue = null, int Column = 0);

/// <summary>
/// A tolerant tokenizer for Python source: names, numbers, (triple-quoted, prefixed) strings, operators, logical
/// newlines (brackets and backslashes continue a line) and the indentation of each logical line. Never throws:
/// unknown characters become operator tokens.
/// </summary>
public static class PyTokenizer
{
    public static List<PyToken> Tokenize(string src)
    {
        var tokens = new List<PyToken>();
        var depth = 0;
        var atLineStart = true;
        var i = 0;
        while (i < src.Length)
        {
            if (atLineStart)
            {
                var col = 0;
                var j = i;
                while (j < src.Length && (src[j] == ' ' || src[j] == '\t')) { col += src[j] == '\t' ? 8 : 1; j++; }
                if (j < src.Length && src[j] != '\n' && src[j] != '\r' && src[j] != '#')
                    tokens.Add(new PyToken(PyTokenKind.Indent, "", j, Column: col));
                i = j;
                atLineStart = false;
                continue;
            }
            var c = src[i];
            if (c == '#') { while (i < src.Length && src[i] != '\n') i++; continue; }
            if (c == '\\' && i + 1 < src.Length && (src[i + 1] == '\n' || src[i + 1] == '\r')) { i += src[i + 1] == '\r' && i + 2 < src.Length && src[i + 2] == '\n' ? 3 : 2; continue; }
            if (c == '\n')
            {
                if (depth == 0) { tokens.Add(new PyToken(PyTokenKind.Newline, "\n", i)); atLineStart = true; }
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (IsStringStart(src, i, out var prefixLength))
            {
                var start = i;
                var prefix = src.Substring(i, prefixLength).ToLowerInvariant();
                i += prefixLength;
                var value = ReadString(src, ref i, raw: prefix.Contains('r'));
                tokens.Add(new PyToken(PyTokenKind.String, src[start..i], start, value));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < src.Length && (char.IsLetterOrDigit(src[i]) || src[i] == '_')) i++;
                tokens.Add(new PyToken(PyTokenKind.Name, src[start..i], start));
                continue;
            }
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < src.Length && (char.IsLetterOrDigit(src[i]) || src[i] == '_' || src[i] == '.')) i++;
                tokens.Add(new PyToken(PyTokenKind.Number, src[start..i], start));
                continue;
            }
            var two = i + 1 < src.Length ? src.Substring(i, 2) : "";
            if (two is "==" or "!=" or "<=" or ">=" or "**" or "//" or "->" or ":=" or "+=" or "-=" or "|=")
            {
                tokens.Add(new PyToken(PyTokenKind.Op, two, i));
                i += 2;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            tokens.Add(new PyToken(PyTokenKind.Op, c.ToString(), i));
            i++;
        }
        tokens.Add(new PyToken(PyTokenKind.Newline, "\n", src.Length));
        tokens.Add(new PyToken(PyTokenKind.End, "", src.Length));
        return tokens;
    }

    private static bool IsStringStart(string s, int i, out int prefixLength)
    {
        prefixLength = 0;
        while (i + prefixLength < s.Length && prefixLength < 2 && "rRbBuUfF".Contains(s[i + prefixLength])) prefixLength++;
        if (i + prefixLength < s.Length && (s[i + prefixLength] == '"' || s[i + prefixLength] == '\'')) return true;
        prefixLength = 0;
        return s[i] == '"' || s[i] == '\'';
    }

    private static string ReadString(string s, ref int i, bool raw)
    {
        var quote = s[i];
        var triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (!triple && c == '\n') break; // unterminated: stop at the line end
            if (c == '\\' && i + 1 < s.Length)
            {
                var n = s[i + 1];
                sb.Append(raw ? "\\" + n : n switch { 'n' => "\n", 't' => "\t", 'r' => "\r", '0' => "\0", _ => n.ToString() });
                i += 2;
                continue;
            }
            if (c == quote && (!triple || (i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                return sb.ToString();
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }
}
