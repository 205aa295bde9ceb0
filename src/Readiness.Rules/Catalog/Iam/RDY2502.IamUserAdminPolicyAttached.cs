using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>An IAM user (long-lived keys) holding AdministratorAccess, PowerUserAccess or a customer "*:*" policy.</summary>
public sealed class IamUserAdminPolicyAttached : ResourceRule<IamUser>
{
    private static readonly string[] AdminPolicies = ["AdministratorAccess", "PowerUserAccess"];

    public override IEnumerable<Finding> Check(IamUser user, RuleContext context)
    {
        foreach (var attached in user.AttachedPolicyArns)
        {
            if (attached.Known is not { } arn) continue;
            var managed = AdminPolicies.FirstOrDefault(p => arn == $"arn:aws:iam::aws:policy/{p}" || arn.EndsWith(":iam::aws:policy/" + p, StringComparison.Ordinal));
            var customer = managed is null ? context.Cloud.Find<IamPolicy>(arn, user) : null;
            if (managed is null && !(customer?.Document is { IsKnown: true, Known: { } doc } && IamPolicyFullAdmin.GrantsFullAdmin(doc))) continue;
            var name = managed ?? customer!.DisplayName;
            yield return context.OnResource(user, $"IAM user {user.DisplayName} has {name} attached, so its long-lived keys are administrator keys; give it only the permissions its job needs, or use a role with OIDC federation for CI.",
                nameof(IamUser.AttachedPolicyArns), fingerprintKey: "attached:" + name, value: attached);
        }
    }
}
