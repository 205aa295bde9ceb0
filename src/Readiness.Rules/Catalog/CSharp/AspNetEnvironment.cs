using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Languages.CSharp;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>Whether a statement runs only in the Development environment, judged from the conditions around it.</summary>
internal static class AspNetEnvironment
{
    public static bool OnlyInDevelopment(SyntaxNode node)
    {
        for (var n = node; n.Parent is not null; n = n.Parent)
        {
            switch (n.Parent)
            {
                case IfStatementSyntax ifs when ifs.Statement == n && Sense(ifs.Condition) > 0:
                    return true;
                case ElseClauseSyntax { Parent: IfStatementSyntax ifs } when Sense(ifs.Condition) < 0:
                    return true;
                case ConditionalExpressionSyntax c when (c.WhenTrue == n && Sense(c.Condition) > 0) || (c.WhenFalse == n && Sense(c.Condition) < 0):
                    return true;
                case BlockSyntax block when n is StatementSyntax statement && ReturnsEarlyOutsideDevelopment(block, statement):
                    return true;
                case MethodDeclarationSyntax m when m.Identifier.Text.Contains("Development", StringComparison.Ordinal):
                    // Startup convention: ConfigureDevelopment runs only in Development.
                    return true;
            }
        }
        return false;
    }

    // if (!env.IsDevelopment()) return; ... then the statement.
    private static bool ReturnsEarlyOutsideDevelopment(BlockSyntax block, StatementSyntax statement) =>
        block.Statements.TakeWhile(s => s != statement).OfType<IfStatementSyntax>().Any(s =>
            Sense(s.Condition) < 0 && s.Statement is ReturnStatementSyntax or BlockSyntax { Statements: [ReturnStatementSyntax] });

    /// <summary>+1 when the condition being true means Development, -1 when it means not Development, 0 when unknown.</summary>
    public static int Sense(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax p => Sense(p.Expression),
        PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression) => -Sense(u.Operand),
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalAndExpression) => Math.Max(Sense(b.Left), Sense(b.Right)) > 0 ? 1 : 0,
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalOrExpression) => Sense(b.Left) > 0 && Sense(b.Right) >= 0 ? 1 : Sense(b.Left) < 0 && Sense(b.Right) < 0 ? -1 : 0,
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) => NamesDevelopment(b.Right) || NamesDevelopment(b.Left) ? 1 : 0,
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.NotEqualsExpression) => NamesDevelopment(b.Right) || NamesDevelopment(b.Left) ? -1 : 0,
        InvocationExpressionSyntax i => CsDocument.MethodName(i) switch
        {
            "IsDevelopment" => 1,
            "IsProduction" or "IsStaging" => -1,
            "IsEnvironment" => i.ArgumentList.Arguments.Count == 1 && NamesDevelopment(i.ArgumentList.Arguments[0].Expression) ? 1 : -1,
            _ => 0,
        },
        IdentifierNameSyntax or MemberAccessExpressionSyntax => CsDocument.LastName(condition) is { } name
            ? name.Contains("Dev", StringComparison.Ordinal) ? 1 : name.Contains("Prod", StringComparison.Ordinal) ? -1 : 0
            : 0,
        _ => 0,
    };

    private static bool NamesDevelopment(ExpressionSyntax e) =>
        CsDocument.StringLiteral(e) is "Development" || (e is MemberAccessExpressionSyntax m && m.Name.Identifier.Text == "Development");
}
