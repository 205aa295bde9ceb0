using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.CSharp;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>
/// A CORS policy that allows every origin (AllowAnyOrigin, SetIsOriginAllowed(_ => true), WithOrigins("*")) together
/// with AllowCredentials(), in the same policy lambda or statement.
/// </summary>
public sealed class AspNetCorsAnyOriginWithCredentials : FileRule
{
    public override bool AppliesTo(SourceFile file) => CSharpFiles.IsApplicationCode(file, "AllowCredentials");

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = CsDocument.Parse(file);
        var reported = new HashSet<SyntaxNode>();
        foreach (var credentials in doc.Invocations("AllowCredentials"))
        {
            var scope = PolicyScope(credentials);
            foreach (var call in scope.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                var message = CsDocument.MethodName(call) switch
                {
                    "AllowAnyOrigin" => $"The CORS policy in {file.Path} combines AllowAnyOrigin() with AllowCredentials(): ASP.NET rejects this policy when it is built, and the usual workaround (reflecting every origin) lets any website make logged-in requests; list the trusted origins with WithOrigins(...).",
                    "SetIsOriginAllowed" when AllowsEveryOrigin(call) => $"The CORS policy in {file.Path} allows every origin with SetIsOriginAllowed(_ => true) and AllowCredentials(), so any website can make logged-in requests to this API and read the answers; list the trusted origins with WithOrigins(...).",
                    "WithOrigins" when call.ArgumentList.Arguments.Any(a => CsDocument.StringLiteral(a.Expression) == "*") => $"The CORS policy in {file.Path} uses WithOrigins(\"*\") with AllowCredentials(); list the trusted origins instead of a wildcard.",
                    _ => null,
                };
                if (message is null || !reported.Add(call)) continue;
                yield return context.AtLine(file, doc.LineOfCall(call), message, fingerprintKey: call.ToString());
            }
        }
    }

    // The policy builder lambda (policy => policy.A().B()) or, without one, the statement holding the chain.
    private static SyntaxNode PolicyScope(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is LambdaExpressionSyntax) ?? node.Ancestors().FirstOrDefault(a => a is StatementSyntax) ?? node;

    private static bool AllowsEveryOrigin(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax lambda
        && (CsDocument.IsTrue(lambda.ExpressionBody)
            || lambda.Block?.Statements is [ReturnStatementSyntax { Expression: var r }] && CsDocument.IsTrue(r));
}
