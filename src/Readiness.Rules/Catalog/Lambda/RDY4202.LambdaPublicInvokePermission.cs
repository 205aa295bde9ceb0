using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Lambda;

/// <summary>Lambda.1: a resource policy that lets Principal "*" act on the function with no condition that names the caller (SourceArn, SourceAccount, PrincipalOrgID, ...).</summary>
public sealed class LambdaPublicInvokePermission : ResourceRule<LambdaFunction>
{
    public override IEnumerable<Finding> Check(LambdaFunction function, RuleContext context)
    {
        foreach (var permission in function.Permissions)
        {
            if (!permission.Principal.IsKnown)
            {
                yield return context.Undecided(function, nameof(LambdaFunction.Permissions), permission.Principal.Expression, "is invocable only by named principals").At(permission.Line);
                continue;
            }
            if (permission.Principal.Known != "*" || permission.NarrowsPrincipal) continue;
            var name = permission.Address ?? permission.StatementId ?? "a statement";
            if (!permission.ConditionsKnown)
            {
                yield return context.Undecided(function, nameof(LambdaFunction.Permissions), name + " condition", "is invocable only by named principals").At(permission.Line);
                continue;
            }
            yield return context.OnResource(function,
                $"The resource policy of Lambda function {function.DisplayName} ({name}) lets any principal ({permission.Action ?? "any action"}) with no SourceArn or SourceAccount condition; name the calling service or account as principal and add source_arn or source_account.",
                nameof(LambdaFunction.Permissions), snippet: $"principal * {permission.Action}",
                fingerprintKey: $"permission:{permission.Address ?? permission.StatementId}").At(permission.Line);
        }
    }
}
