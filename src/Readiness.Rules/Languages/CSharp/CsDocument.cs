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
    private CsDocument(SourceFile file)
    {
        Tree = CSharpSyntaxTree.ParseText(file.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), file.Path);
        Root = Tree.GetCompilationUnitRoot();
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
