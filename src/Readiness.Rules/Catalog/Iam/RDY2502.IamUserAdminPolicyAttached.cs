using Readiness.Rules.Catalog.Aws;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>An IAM user (long-lived keys) holding an administrator policy (see <see cref="IamPrivilege"/>), or an attachment of one to a user the configuration does not declare.</summary>
public sealed class IamUserAdminPolicyAttached : ResourceRule<CloudResource>
{
    public override IEnumerable<Finding> Check(CloudResource resource, RuleContext context)
    {
        switch (resource)
        {
            case IamUser user:
                foreach (var (name, attached) in IamPrivilege.Held(user.AttachedPolicyArns, [], context.Cloud, user))
                {
                    yield return context.OnResource(user, $"IAM user {user.DisplayName} has {name} attached, so its long-lived keys are administrator keys; give it only the permissions its job needs, or use a role with OIDC federation for CI.",
                        nameof(IamUser.AttachedPolicyArns), fingerprintKey: "attached:" + name, value: attached);
                }
                break;
            case IamPolicyAttachment attachment when attachment.Describe("user") is { } users && IamPrivilege.Held([attachment.PolicyArn], [], context.Cloud, attachment) is [var (name, _), ..]:
                yield return context.OnResource(attachment, $"{attachment.DisplayName} attaches {name} to {users}, which this configuration does not declare and whose long-lived keys are then administrator keys; attach only the permissions the job needs, or use a role with OIDC federation for CI.",
                    nameof(IamPolicyAttachment.PolicyArn));
                break;
        }
    }
}
