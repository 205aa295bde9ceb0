using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Model;

namespace Readiness.Rules.Languages.CSharp;

/// <summary>
/// One Roslyn syntax tree per C# file, shared by every rule through <see cref="SourceFile.Parsed{T}"/>. Syntax only:
/// no compilation, no references, so names are judged as written (UseHsts, IsDevelopment, NetworkCredential).
/// </summary>
public sealed class CsDocument
{
    /// <summary>
    /// Deepest bracket nesting handed to Roslyn: its parser recurses per level and, past a few thousand, overflows
    /// the stack before its own guard (CS8078) fires, which would end the process.
    /// </summary>
    public const int MaxNesting = 500;

    private CsDocument(SourceFile file)
    {
        if (TooDeepAt(file.Text) is { } offset)
            throw new NestingTooDeepException(file.Path, file.LineOf(offset), $"nested deeper than {MaxNesting} levels");
        Tree = CSharpSyntaxTree.ParseText(file.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), file.Path);
        Root = Tree.GetCompilationUnitRoot();
        // Roslyn stops reading what nests too deep for its stack (CS8078) and leaves the rest out of the tree.
        if (Tree.GetDiagnostics().FirstOrDefault(d => d.Id == "CS8078") is { } tooDeep)
            throw new NestingTooDeepException(file.Path, tooDeep.Location.GetLineSpan().StartLinePosition.Line + 1, "nested deeper than the C# parser reads");
    }

    /// <summary>Where brackets ( [ { first nest deeper than <see cref="MaxNesting"/>, outside comments, strings and characters.</summary>
    private static int? TooDeepAt(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/') i = End(text.IndexOf('\n', i));
            else if (c == '/' && next == '*') i = End(text.IndexOf("*/", i + 2, StringComparison.Ordinal)) + 1;
            else if (c is '"' or '\'') i = EndOfLiteral(text, i);
            else if (c is '(' or '[' or '{')
            {
                if (++depth > MaxNesting) return i;
            }
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
        }
        return null;

        int End(int found) => found < 0 ? text.Length : found;
    }

    /// <summary>Index of the quote closing the literal opened at <paramref name="start"/> (verbatim and raw strings read loosely).</summary>
    private static int EndOfLiteral(string text, int start)
    {
        var quote = text[start];
        var verbatim = start > 0 && text[start - 1] == '@';
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && !verbatim) i++;
            else if (text[i] == quote) return i;
            else if (text[i] == '\n' && !verbatim) return i;
        }
        return text.Length;
    }

    public static CsDocument Parse(SourceFile file) => file.Parsed(f => new CsDocument(f));

    public SyntaxTree Tree { get; }
    public CompilationUnitSyntax Root { get; }

    /// <summary>1-based line where the node starts.</summary>
    public int LineOf(SyntaxNode node) => Tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;

    /// <summary>1-based line of the called method's name, so a call at the end of a multi-line chain points at its own line.</summary>
    public int LineOfCall(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax m ? LineOf(m.Name) : LineOf(call);

    /// <summary>Invocations whose method name (the last identifier: app.UseHsts() -> UseHsts) is one of the names.</summary>
    public IEnumerable<InvocationExpressionSyntax> Invocations(params string[] names) =>
        Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => names.Contains(MethodName(i)));

    public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        IdentifierNameSyntax id => id.Identifier.Text,
        GenericNameSyntax g => g.Identifier.Text,
        MemberBindingExpressionSyntax b => b.Name.Identifier.Text,
        _ => null,
    };

    /// <summary>The last identifier of a name or member access: options.Cookie.SecurePolicy -> SecurePolicy.</summary>
    public static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax id => id.Identifier.Text,
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        MemberBindingExpressionSyntax b => b.Name.Identifier.Text,
        _ => null,
    };

    /// <summary>The value of a plain string literal ("..." or @"..." or """..."""), or null.</summary>
    public static string? StringLiteral(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    public static bool IsTrue(ExpressionSyntax? expression) => expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.TrueLiteralExpression);
    public static bool IsFalse(ExpressionSyntax? expression) => expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.FalseLiteralExpression);
}
