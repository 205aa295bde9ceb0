using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Kms;

/// <summary>KMS.5: a key policy that allows any AWS principal ("*") without a condition that names who.</summary>
public sealed class KmsKeyPolicyAnyPrincipal : ResourceRule<KmsKey>
{
    public override IEnumerable<Finding> Check(KmsKey key, RuleContext context)
    {
        if (!key.Policy.IsKnown)
        {
            yield return context.Undecided(key, nameof(KmsKey.Policy), key.Policy.Expression, "can be used by any AWS principal");
            yield break;
        }
        foreach (var statement in key.Policy.Known?.Statements ?? [])
        {
            var open = statement.OpenToAnyone;
            if (open == false) continue;
            if (open is null)
            {
                yield return context.Undecided(key, nameof(KmsKey.Policy), statement.Unresolved, "can be used by any AWS principal");
                yield break;
            }
            var actions = statement.Actions.Count > 0 ? string.Join(", ", statement.Actions) : "every action but " + string.Join(", ", statement.NotActions);
            yield return context.OnResource(key,
                $"The key policy of KMS key {key.DisplayName} allows {statement.AnyoneText} {actions} without a condition that names who; name the account, role or service principals that need the key, or add a kms:CallerAccount or aws:PrincipalOrgID condition.",
                nameof(KmsKey.Policy));
            yield break;
        }
    }
}
