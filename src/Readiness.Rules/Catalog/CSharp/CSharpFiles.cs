using System.Text.RegularExpressions;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>
/// Which C# files the ASP.NET rules read: application code, not tests, and only files whose text shows what a rule
/// needs. Roslyn parses about 3 MB/s, so these textual tests decide the cost of a scan of a C# repository; each must
/// accept every file the rule can report on (a superset), so gating never changes findings.
/// </summary>
internal static partial class CSharpFiles
{
    public static bool IsApplicationCode(SourceFile file, params string[] keywords)
    {
        if (file.Language != Language.CSharp || IsTestPath(file.Path)) return false;
        foreach (var keyword in keywords)
        {
            if (file.Text.Contains(keyword, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when the file may hand a string literal to a secret-named target (RDY1201): a name that ends like a
    /// secret (SecretNames.IsSecretName, before its word split), then an initializer, assignment, named argument or
    /// expression body, then a literal or Encoding.X.GetBytes("literal"); or a constructor that takes a secret.
    /// </summary>
    public static bool MayAssignSecretLiteral(SourceFile file) =>
        file.Text.Contains('"') && (SecretLiteralTarget().IsMatch(file.Text) || SecretConstructor().IsMatch(file.Text));

    // test, tests, *.test, *.tests folders or files, any case.
    private static bool IsTestPath(string path)
    {
        foreach (var range in path.AsSpan().Split('/'))
        {
            var segment = path.AsSpan(range);
            if (segment.Equals("test", StringComparison.OrdinalIgnoreCase) || segment.Equals("tests", StringComparison.OrdinalIgnoreCase)
                || segment.EndsWith(".test", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".tests", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    // Trivia between tokens: white space and comments.
    private const string Trivia = @"(?:\s|//[^\n]*\n|/\*[^*]*\*+(?:[^/*][^*]*\*+)*/)*";

    // Name: the last word is a secret word, or "key" after a qualifier (the words may be split by _ or non-ASCII letters).
    // Then: an optional auto-property accessor list ({ get; set; } = "..."), then =, => or a named argument's colon
    // (== fails: no literal follows the first =), then the literal, possibly inside GetBytes(...).
    [GeneratedRegex(
        @"(?i:password|passwd|pwd|passphrase|secret|token|credentials?|apikey|(?:api|access|secret|private|signing|encryption|master|client|jwt|auth|hmac|app)[_\P{IsBasicLatin}]*key)(?!\w)"
        + Trivia + @"(?:\{[^{}]{0,2000}(?:\{[^{}]{0,2000}\}[^{}]{0,2000})*\}" + Trivia + ")?"
        + "(?:=>?|:)" + Trivia + @"(?:[\w.]{0,200}GetBytes" + Trivia + @"\(" + Trivia + ")?" + @"[@$]*""",
        RegexOptions.CultureInvariant)]
    private static partial Regex SecretLiteralTarget();

    // The constructors RDY1201 reads a secret argument from.
    [GeneratedRegex("NetworkCredential|BasicAWSCredentials|SessionAWSCredentials|ClientSecretCredential|UsernamePasswordCredential|SymmetricSecurityKey", RegexOptions.CultureInvariant)]
    private static partial Regex SecretConstructor();
}
