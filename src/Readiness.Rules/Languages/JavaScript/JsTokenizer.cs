using System.Text;

namespace Readiness.Rules.Languages.JavaScript;

public enum JsTokenKind { Identifier, Punct, String, Template, Number, Regex, End }

/// <summary>
/// A token with its character offset. String and Template tokens carry their decoded value; a template literal with
/// substitutions is a Template chunk, a "${" punctuator, the tokens of the expression, a "}" and the next chunk.
/// </summary>
public sealed record JsToken(JsTokenKind Kind, string Text, int Offset, string? Value = null)
{
    public bool Is(string punct) => Kind == JsTokenKind.Punct && Text == punct;
    public bool IsName(string name) => Kind == JsTokenKind.Identifier && Text == name;
}

/// <summary>
/// A tolerant tokenizer for JavaScript, TypeScript and JSON with comments: identifiers, numbers, strings, template
/// literals (with nested substitutions), regular expression literals, comments (dropped) and punctuators. Never throws
/// and runs in one pass: an unterminated string or comment ends at the line or file end.
/// </summary>
public static class JsTokenizer
{
    private static readonly string[] Punctuators =
    [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
    ];

    private static readonly HashSet<string> KeywordsBeforeExpression =
    [
        "return", "typeof", "case", "in", "of", "delete", "void", "throw", "new", "instanceof", "yield", "await", "else", "do",
    ];

    public static List<JsToken> Tokenize(string src)
    {
        var tokens = new List<JsToken>();
        var templateDepths = new Stack<int>(); // brace depth at which each open "${" closes
        var braceDepth = 0;
        var i = 0;
        while (i < src.Length)
        {
            var c = src[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '/') { while (i < src.Length && src[i] != '\n') i++; continue; }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '*')
            {
                var end = src.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? src.Length : end + 2;
                continue;
            }
            if (c is '"' or '\'')
            {
                var start = i;
                var value = ReadQuoted(src, ref i);
                tokens.Add(new JsToken(JsTokenKind.String, src[start..i], start, value));
                continue;
            }
            if (c == '`' || (c == '}' && templateDepths.Count > 0 && templateDepths.Peek() == braceDepth))
            {
                if (c == '}')
                {
                    templateDepths.Pop();
                    tokens.Add(new JsToken(JsTokenKind.Punct, "}", i));
                }
                var start = i;
                i++;
                var chunk = ReadTemplateChunk(src, ref i, out var opensSubstitution);
                tokens.Add(new JsToken(JsTokenKind.Template, src[start..i], start, chunk));
                if (opensSubstitution)
                {
                    tokens.Add(new JsToken(JsTokenKind.Punct, "${", i - 2));
                    templateDepths.Push(braceDepth);
                }
                continue;
            }
            if (char.IsLetter(c) || c is '_' or '$' or '#' || c > 127)
            {
                var start = i;
                i++;
                while (i < src.Length && (char.IsLetterOrDigit(src[i]) || src[i] is '_' or '$' || src[i] > 127)) i++;
                tokens.Add(new JsToken(JsTokenKind.Identifier, src[start..i], start));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < src.Length && char.IsDigit(src[i + 1])))
            {
                var start = i;
                while (i < src.Length && (char.IsLetterOrDigit(src[i]) || src[i] is '.' or '_')) i++;
                tokens.Add(new JsToken(JsTokenKind.Number, src[start..i], start));
                continue;
            }
            if (c == '/' && RegexAllowed(tokens) && TryReadRegex(src, i, out var regexEnd))
            {
                tokens.Add(new JsToken(JsTokenKind.Regex, src[i..regexEnd], i));
                i = regexEnd;
                continue;
            }
            var punct = Punctuators.FirstOrDefault(p => string.CompareOrdinal(src, i, p, 0, p.Length) == 0) ?? c.ToString();
            if (punct == "{") braceDepth++;
            else if (punct == "}") braceDepth--;
            tokens.Add(new JsToken(JsTokenKind.Punct, punct, i));
            i += punct.Length;
        }
        tokens.Add(new JsToken(JsTokenKind.End, "", src.Length));
        return tokens;
    }

    // A slash starts a regular expression where an expression may start: after an operator, an opening bracket,
    // a comma, or a keyword such as return; after a name, a number or a closing bracket it divides.
    private static bool RegexAllowed(List<JsToken> tokens)
    {
        if (tokens.Count == 0) return true;
        var last = tokens[^1];
        return last.Kind switch
        {
            JsTokenKind.Punct => last.Text is not (")" or "]" or "}"),
            JsTokenKind.Identifier => KeywordsBeforeExpression.Contains(last.Text),
            _ => false,
        };
    }

    private static bool TryReadRegex(string src, int i, out int end)
    {
        var inClass = false;
        end = i + 1;
        while (end < src.Length)
        {
            var c = src[end];
            if (c == '\n') return false;
            if (c == '\\') { end += 2; continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass)
            {
                end++;
                while (end < src.Length && char.IsLetter(src[end])) end++;
                return true;
            }
            end++;
        }
        return false;
    }

    private static string ReadQuoted(string s, ref int i)
    {
        var quote = s[i++];
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\n') break; // unterminated: stop at the line end
            if (c == '\\' && i + 1 < s.Length)
            {
                AppendEscape(sb, s[i + 1]);
                i += 2;
                continue;
            }
            i++;
            if (c == quote) return sb.ToString();
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string ReadTemplateChunk(string s, ref int i, out bool opensSubstitution)
    {
        var sb = new StringBuilder();
        opensSubstitution = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length) { AppendEscape(sb, s[i + 1]); i += 2; continue; }
            if (c == '`') { i++; return sb.ToString(); }
            if (c == '$' && i + 1 < s.Length && s[i + 1] == '{') { i += 2; opensSubstitution = true; return sb.ToString(); }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static void AppendEscape(StringBuilder sb, char n) =>
        sb.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => n });
}
