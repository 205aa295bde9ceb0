using Readiness.Rules.Catalog.Aws;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>IAM.1: a policy document that makes whoever holds it an administrator (see <see cref="IamPrivilege"/>).</summary>
public sealed class IamPolicyFullAdmin : ResourceRule<CloudResource>
{
    public override IEnumerable<Finding> Check(CloudResource resource, RuleContext context)
    {
        switch (resource)
        {
            case IamPolicy policy when !policy.Document.IsKnown:
                yield return context.Undecided(policy, nameof(IamPolicy.Document), policy.Document.Expression, "allows full administrative access");
                break;
            case IamPolicy policy when IamPrivilege.AdminReason(policy.Document.Known) is { } reason:
                yield return context.OnResource(policy, $"IAM policy {policy.DisplayName} {reason}; list the actions and resources the principal needs.", nameof(IamPolicy.Document));
                break;
            case IamRole role when Inline(role.InlinePolicies) is { } reason:
                yield return context.OnResource(role, $"IAM role {role.DisplayName} has an inline policy that {reason}; list the actions and resources the role needs.", fingerprintKey: "inline");
                break;
            case IamUser user when Inline(user.InlinePolicies) is { } reason:
                yield return context.OnResource(user, $"IAM user {user.DisplayName} has an inline policy that {reason}; list the actions and resources the user needs.", fingerprintKey: "inline");
                break;
            case IamGroup group when Inline(group.InlinePolicies) is { } reason:
                yield return context.OnResource(group, $"IAM group {group.DisplayName} has an inline policy that {reason}, so every member is an administrator; list the actions and resources the group needs.", fingerprintKey: "inline");
                break;
        }
    }

    private static string? Inline(IEnumerable<PolicyDocument> documents) => documents.Select(IamPrivilege.AdminReason).FirstOrDefault(r => r is not null);
}
