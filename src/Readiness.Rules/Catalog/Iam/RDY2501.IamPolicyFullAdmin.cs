using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>IAM.1: a policy statement that allows every action on every resource ("*:*").</summary>
public sealed class IamPolicyFullAdmin : ResourceRule<CloudResource>
{
    public override IEnumerable<Finding> Check(CloudResource resource, RuleContext context)
    {
        switch (resource)
        {
            case IamPolicy policy when !policy.Document.IsKnown:
                yield return context.Undecided(policy, nameof(IamPolicy.Document), policy.Document.Expression, "allows full administrative access");
                break;
            case IamPolicy { Document.Known: { } document } policy when GrantsFullAdmin(document):
                yield return context.OnResource(policy, $"IAM policy {policy.DisplayName} allows every action on every resource (\"*:*\"); list the actions and resources the principal needs.", nameof(IamPolicy.Document));
                break;
            case IamRole role when role.InlinePolicies.Any(GrantsFullAdmin):
                yield return context.OnResource(role, $"IAM role {role.DisplayName} has an inline policy that allows every action on every resource (\"*:*\"); list the actions and resources the role needs.", fingerprintKey: "inline");
                break;
            case IamUser user when user.InlinePolicies.Any(GrantsFullAdmin):
                yield return context.OnResource(user, $"IAM user {user.DisplayName} has an inline policy that allows every action on every resource (\"*:*\"); list the actions and resources the user needs.", fingerprintKey: "inline");
                break;
        }
    }

    /// <summary>An unconditional Allow of "*" (or "*:*") on "*".</summary>
    public static bool GrantsFullAdmin(PolicyDocument document) =>
        document.Statements.Any(s =>
            string.Equals(s.Effect, "Allow", StringComparison.OrdinalIgnoreCase)
            && !s.HasCondition
            && s.Actions.Any(a => a is "*" or "*:*")
            && s.Resources.Any(r => r == "*"));
}
