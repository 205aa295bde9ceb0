using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages;
using Readiness.Rules.Languages.CSharp;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>
/// A string literal that flows into something named as a secret: a field, property, variable or named argument
/// (Password, JwtSecret, ApiKey), the password of new NetworkCredential(user, "pw"), or the bytes of a signing key.
/// Connection-string literals ("...;Password=...") are left to the secret detectors (RDY10xx), which match them anywhere.
/// </summary>
public sealed class CSharpHardcodedSecret : FileRule
{
    // Constructors whose argument at the given index is a secret.
    private static readonly Dictionary<string, int> SecretArguments = new(StringComparer.Ordinal)
    {
        ["NetworkCredential"] = 1,
        ["BasicAWSCredentials"] = 1,
        ["SessionAWSCredentials"] = 1,
        ["ClientSecretCredential"] = 2,
        ["UsernamePasswordCredential"] = 1,
    };

    // Every secret word SecretNames knows contains one of these, in any case (DB_PASSWORD, SMTP_PASSWD, GPG_PASSPHRASE).
    private static readonly System.Buffers.SearchValues<string> SecretWordParts = System.Buffers.SearchValues.Create(
        ["passw", "passphrase", "pwd", "secret", "token", "key", "credential"], StringComparison.OrdinalIgnoreCase);

    public override bool AppliesTo(SourceFile file) =>
        CSharpFiles.IsApplicationCode(file, SecretWordParts) && CSharpFiles.MayAssignSecretLiteral(file);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = CsDocument.Parse(file);
        foreach (var node in doc.Root.DescendantNodes())
        {
            var (target, value) = node switch
            {
                VariableDeclaratorSyntax v => (v.Identifier.Text, v.Initializer?.Value),
                PropertyDeclarationSyntax p => (p.Identifier.Text, p.Initializer?.Value ?? p.ExpressionBody?.Expression),
                AssignmentExpressionSyntax a when a.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression) => (CsDocument.LastName(a.Left), a.Right),
                ArgumentSyntax { NameColon: { } nc } arg => (nc.Name.Identifier.Text, arg.Expression),
                BaseObjectCreationExpressionSyntax creation => ConstructorSecret(creation),
                _ => (null, null),
            };
            if (target is null || value is null) continue;
            var literal = SecretLiteral(value);
            if (literal is null) continue;
            if (node is not BaseObjectCreationExpressionSyntax && !SecretNames.IsSecretName(target)) continue;
            if (SecretNames.IsNotAValue(literal) || LooksLikeConnectionString(literal)) continue;

            var line = doc.LineOf(value);
            var hash = Redaction.Hash(literal);
            var kind = node is BaseObjectCreationExpressionSyntax ? "secret" : SecretNames.Kind(target);
            var properties = new Dictionary<string, string> { ["secretHmac"] = hash, ["secretPreview"] = Redaction.Preview(literal), ["target"] = target };
            yield return context.AtLine(file, line,
                $"{target} in {file.Path} is given a hardcoded {kind} ({Redaction.Preview(literal)}); read it from configuration backed by user-secrets, environment variables or AWS Secrets Manager, and rotate the exposed value.",
                snippet: Redaction.RedactIn(file.Line(line).Trim(), literal), fingerprintKey: "hmac:" + hash, properties: properties);
        }
    }

    private static (string?, ExpressionSyntax?) ConstructorSecret(BaseObjectCreationExpressionSyntax creation)
    {
        var typeName = creation is ObjectCreationExpressionSyntax o ? o.Type switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.Text,
            SimpleNameSyntax s => s.Identifier.Text,
            _ => null,
        } : null;
        var args = creation.ArgumentList?.Arguments;
        if (typeName is null || args is null) return (null, null);
        if (typeName == "SymmetricSecurityKey" && args.Value.Count == 1) return ("SymmetricSecurityKey signing key", args.Value[0].Expression);
        if (SecretArguments.TryGetValue(typeName, out var index) && args.Value.Count > index && args.Value[index].NameColon is null)
            return ($"{typeName} argument {index + 1}", args.Value[index].Expression);
        return (null, null);
    }

    // "literal", or Encoding.UTF8.GetBytes("literal") as handed to signing keys.
    private static string? SecretLiteral(ExpressionSyntax value) => value switch
    {
        InvocationExpressionSyntax { ArgumentList.Arguments: [var only] } call when CsDocument.MethodName(call) == "GetBytes" => CsDocument.StringLiteral(only.Expression),
        _ => CsDocument.StringLiteral(value),
    };

    private static bool LooksLikeConnectionString(string literal) =>
        literal.Contains('=') && literal.Contains(';');
}
