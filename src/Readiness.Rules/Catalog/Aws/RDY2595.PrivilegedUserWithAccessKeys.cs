using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>An IAM user with admin or PowerUser rights (directly or through a group) that also holds an active access key.</summary>
public sealed class PrivilegedUserWithAccessKeys : ResourceRule<IamUser>
{
    public override IEnumerable<Finding> Check(IamUser user, RuleContext context)
    {
        // Access key ids follow the one redaction policy of secrets (Redaction.Preview), as the code detectors do.
        var keys = user.AccessKeys.Where(k => k.Active).Select(k => Readiness.Rules.Text.Redaction.Preview(k.Id)).ToList();
        if (keys.Count == 0) yield break;
        var reasons = IamPrivilege.Reasons(user, context.Cloud);
        if (reasons.Count == 0) yield break;
        yield return context.OnResource(user,
            $"IAM user {user.DisplayName} holds {string.Join(" and ", reasons)} and has an active access key ({string.Join(", ", keys)}); give CI and automation a role with only the permissions the deployment needs (GitHub Actions OIDC), then delete the key.",
            "AttachedPolicyArns", properties: new Dictionary<string, string> { ["privilege"] = string.Join("; ", reasons) });
    }
}
