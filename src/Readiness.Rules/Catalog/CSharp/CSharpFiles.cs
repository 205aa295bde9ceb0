using System.Buffers;
using System.Globalization;
using Readiness.Rules.Languages;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>
/// Which C# files the ASP.NET rules read: application code that reaches production (not tests, examples or development-only files), and only files whose text shows what a rule
/// needs. Roslyn parses about 3 MB/s, so these textual tests decide the cost of a scan of a C# repository; each must
/// accept every file the rule can report on (a superset), so gating never changes findings.
/// </summary>
internal static class CSharpFiles
{
    /// <summary>As <see cref="IsApplicationCode(SourceFile, string[])"/>, with the keywords as a prepared search (for case-insensitive sets).</summary>
    public static bool IsApplicationCode(SourceFile file, SearchValues<string> keywords) =>
        file.Language == Language.CSharp && FileKind.Of(file).ReachesProduction && file.Text.AsSpan().IndexOfAny(keywords) >= 0;

    public static bool IsApplicationCode(SourceFile file, params string[] keywords)
    {
        if (file.Language != Language.CSharp || !FileKind.Of(file).ReachesProduction) return false;
        foreach (var keyword in keywords)
        {
            if (file.Text.Contains(keyword, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when the file may hand a string literal to a secret-named target (RDY1201), judged from each quote
    /// backwards: the target's name must be a secret name (<see cref="SecretNames.IsSecretName"/>, as the rule judges
    /// it) before =, => or a named argument's colon, or the literal is an argument of GetBytes, or the file constructs
    /// one of the credential types whose arguments the rule reads. Comments and directives between the name and the
    /// literal are accepted rather than read, so the test stays a superset of what the rule reports.
    /// </summary>
    public static bool MayAssignSecretLiteral(SourceFile file)
    {
        var text = file.Text.AsSpan();
        if (text.IndexOfAny(SecretConstructors) >= 0) return true;
        for (var quote = text.IndexOf('"'); quote >= 0;)
        {
            if (MayBeSecretLiteral(text, quote)) return true;
            var next = text[(quote + 1)..].IndexOf('"');
            quote = next < 0 ? -1 : quote + 1 + next;
        }
        return false;
    }

    // The constructors RDY1201 reads a secret argument from.
    private static readonly SearchValues<string> SecretConstructors = SearchValues.Create(
        ["NetworkCredential", "BasicAWSCredentials", "SessionAWSCredentials", "ClientSecretCredential", "UsernamePasswordCredential", "SymmetricSecurityKey"],
        StringComparison.Ordinal);

    private static bool MayBeSecretLiteral(ReadOnlySpan<char> text, int quote)
    {
        var i = quote - 1;
        while (i >= 0 && text[i] is '@' or '$') i--;
        if (!SkipTriviaBackwards(text, ref i)) return true;
        if (i < 0) return false;
        switch (text[i])
        {
            case '(':
                i--;
                if (!SkipTriviaBackwards(text, ref i)) return true;
                return text[..(i + 1)].EndsWith("GetBytes", StringComparison.Ordinal);
            case '>' when i > 0 && text[i - 1] == '=':
                i -= 2;
                break;
            case '=' when i == 0 || text[i - 1] is not ('=' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '?'):
            case ':' when i == 0 || text[i - 1] != ':':
                i--;
                break;
            default:
                return false;
        }
        if (!SkipTriviaBackwards(text, ref i)) return true;
        if (i >= 0 && text[i] == '}')
        {
            // An auto-property's accessor list: Password { get; set; } = "...".
            var depth = 0;
            for (; i >= 0; i--)
            {
                if (text[i] == '}') depth++;
                else if (text[i] == '{' && --depth == 0) break;
            }
            i--;
            if (!SkipTriviaBackwards(text, ref i)) return true;
        }
        var end = i + 1;
        while (i >= 0 && IsIdentifierPart(text[i])) i--;
        return end > i + 1 && SecretNames.IsSecretName(text[(i + 1)..end].ToString());
    }

    // Moves i back over white space and block comments. False when a line comment or a directive may lie in between
    // (a line holding // or starting with #): the caller then accepts the file rather than read them.
    private static bool SkipTriviaBackwards(ReadOnlySpan<char> text, ref int i)
    {
        while (i >= 0)
        {
            if (text[i] == '\n')
            {
                var lineStart = text[..i].LastIndexOf('\n') + 1;
                var line = text[lineStart..i];
                if (line.Contains("//", StringComparison.Ordinal) || line.TrimStart().StartsWith('#')) return false;
                i--;
            }
            else if (char.IsWhiteSpace(text[i])) i--;
            else if (text[i] == '/' && i > 0 && text[i - 1] == '*')
            {
                var open = text[..(i - 1)].LastIndexOf("/*", StringComparison.Ordinal);
                if (open < 0) return false;
                i = open - 1;
            }
            else return true;
        }
        return true;
    }

    private static bool IsIdentifierPart(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || (c > 127 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format or UnicodeCategory.LetterNumber);
}
