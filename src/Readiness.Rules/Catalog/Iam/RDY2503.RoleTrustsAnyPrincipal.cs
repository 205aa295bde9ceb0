using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>A role trust policy that lets any AWS principal in the world assume the role ("AWS": "*" or "*") with no condition that names who.</summary>
public sealed class RoleTrustsAnyPrincipal : ResourceRule<IamRole>
{
    public override IEnumerable<Finding> Check(IamRole role, RuleContext context)
    {
        if (!role.AssumeRolePolicy.IsKnown)
        {
            yield return context.Undecided(role, nameof(IamRole.AssumeRolePolicy), role.AssumeRolePolicy.Expression, "can be assumed by any principal");
            yield break;
        }
        foreach (var statement in role.AssumeRolePolicy.Known?.Statements ?? [])
        {
            var open = statement.OpenToAnyone;
            if (open == false) continue;
            if (open is null)
            {
                yield return context.Undecided(role, nameof(IamRole.AssumeRolePolicy), statement.Unresolved, "can be assumed by any principal");
                yield break;
            }
            var who = statement.Principals.Any(p => p.IsAnyone) ? "any principal (\"AWS\": \"*\")" : statement.AnyoneText;
            yield return context.OnResource(role,
                $"IAM role {role.DisplayName} trusts {who} without a condition that names who, so any AWS account in the world can assume it; name the trusted account or role ARNs in Principal, or add an aws:PrincipalOrgID or aws:PrincipalAccount condition.",
                nameof(IamRole.AssumeRolePolicy));
            yield break;
        }
    }
}
