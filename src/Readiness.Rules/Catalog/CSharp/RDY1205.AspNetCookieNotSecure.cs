using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.CSharp;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>
/// Cookies that can travel over plain HTTP or be read by scripts: new CookieOptions without Secure = true, a session or
/// token cookie without HttpOnly, and cookie authentication/session/policy options that turn either off.
/// </summary>
public sealed class AspNetCookieNotSecure : FileRule
{
    private static readonly string[] SensitiveCookieWords = ["token", "session", "auth", "jwt", "refresh", "sid", "identity", "login"];

    public override bool AppliesTo(SourceFile file) => CSharpFiles.IsApplicationCode(file, "CookieOptions", "Cookies.Append", "SecurePolicy", "HttpOnly", "CookiePolicyOptions");

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = CsDocument.Parse(file);
        foreach (var creation in doc.Root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Where(IsCookieOptions))
        {
            var set = (creation.Initializer?.Expressions ?? default).OfType<AssignmentExpressionSyntax>()
                .ToDictionary(a => CsDocument.LastName(a.Left) ?? "", a => a.Right);
            var cookieName = AppendedCookieName(creation);
            var problems = new List<string>();
            if (!CsDocument.IsTrue(set.GetValueOrDefault("Secure"))) problems.Add("Secure = true");
            var httpOnly = set.GetValueOrDefault("HttpOnly");
            if (CsDocument.IsFalse(httpOnly) || (httpOnly is null && IsSensitive(cookieName))) problems.Add("HttpOnly = true");
            if (problems.Count == 0) continue;
            var what = cookieName is null ? "The CookieOptions" : $"The cookie '{cookieName}'";
            yield return context.AtLine(file, doc.LineOf(creation),
                $"{what} in {file.Path} lacks {string.Join(" and ", problems)}, so the cookie can be sent over plain HTTP or read by injected scripts; set {string.Join(", ", problems)}.");
        }

        foreach (var call in doc.Invocations("Append").Where(c => c.Expression.ToString().EndsWith("Cookies.Append", StringComparison.Ordinal) && c.ArgumentList.Arguments.Count == 2))
        {
            var name = CsDocument.StringLiteral(call.ArgumentList.Arguments[0].Expression);
            if (!IsSensitive(name)) continue;
            yield return context.AtLine(file, doc.LineOfCall(call),
                $"The cookie '{name}' in {file.Path} is appended without CookieOptions, so it is neither Secure nor HttpOnly; pass new CookieOptions {{ Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict }}.");
        }

        foreach (var assignment in doc.Root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            var target = CsDocument.LastName(assignment.Left);
            var value = assignment.Right.ToString();
            var weak = target switch
            {
                "SecurePolicy" or "Secure" when value.EndsWith("CookieSecurePolicy.None", StringComparison.Ordinal) || value.EndsWith("CookieSecurePolicy.SameAsRequest", StringComparison.Ordinal) => "Secure",
                "HttpOnly" when value.EndsWith("HttpOnlyPolicy.None", StringComparison.Ordinal) => "HttpOnly",
                "HttpOnly" when CsDocument.IsFalse(assignment.Right) && assignment.Parent is not InitializerExpressionSyntax => "HttpOnly",
                _ => null,
            };
            if (weak is null) continue;
            yield return context.AtLine(file, doc.LineOf(assignment),
                $"{assignment.Left} is set to {value} in {file.Path}, so {(weak == "Secure" ? "the cookie is also sent over plain HTTP" : "scripts on the page can read the cookie")}; use {(weak == "Secure" ? "CookieSecurePolicy.Always" : "HttpOnly = true (HttpOnlyPolicy.Always)")}.");
        }
    }

    private static bool IsCookieOptions(BaseObjectCreationExpressionSyntax creation) =>
        creation is ObjectCreationExpressionSyntax { Type: var t } && t.ToString().EndsWith("CookieOptions", StringComparison.Ordinal)
        || (creation is ImplicitObjectCreationExpressionSyntax && creation.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax i } && i.Expression.ToString().EndsWith("Cookies.Append", StringComparison.Ordinal));

    // Response.Cookies.Append("name", value, new CookieOptions { ... }) gives the options a cookie name.
    private static string? AppendedCookieName(BaseObjectCreationExpressionSyntax creation) =>
        creation.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } && call.ArgumentList.Arguments.Count == 3
            ? CsDocument.StringLiteral(call.ArgumentList.Arguments[0].Expression)
            : null;

    private static bool IsSensitive(string? cookieName) =>
        cookieName is not null && SensitiveCookieWords.Any(w => cookieName.Contains(w, StringComparison.OrdinalIgnoreCase));
}
