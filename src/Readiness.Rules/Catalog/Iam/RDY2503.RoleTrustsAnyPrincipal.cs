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
        foreach (var statement in role.AssumeRolePolicy.Known?.Statements.Where(s => s.AllowsAnyone) ?? [])
        {
            if (!statement.ConditionsKnown)
            {
                yield return context.Undecided(role, nameof(IamRole.AssumeRolePolicy), "Condition", "can be assumed by any principal");
                yield break;
            }
            if (statement.NarrowsPrincipal) continue;
            yield return context.OnResource(role,
                $"IAM role {role.DisplayName} trusts any principal (\"AWS\": \"*\") without a condition that names who, so any AWS account in the world can assume it; name the trusted account or role ARNs in Principal, or add an aws:PrincipalOrgID or aws:PrincipalAccount condition.",
                nameof(IamRole.AssumeRolePolicy));
            yield break;
        }
    }
}
