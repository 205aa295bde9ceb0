using Readiness.Rules.Catalog.Aws;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>An IAM group holding an administrator policy (see <see cref="IamPrivilege"/>), or an attachment of one to a group the configuration does not declare.</summary>
public sealed class IamGroupAdminPolicyAttached : ResourceRule<CloudResource>
{
    public override IEnumerable<Finding> Check(CloudResource resource, RuleContext context)
    {
        switch (resource)
        {
            case IamGroup group:
                foreach (var (name, attached) in IamPrivilege.Held(group.AttachedPolicyArns, [], context.Cloud, group))
                {
                    yield return context.OnResource(group, $"IAM group {group.DisplayName} has {name} attached, so every member user and its long-lived keys are administrators; attach only the permissions the members' jobs need and give administration to a role assumed with MFA.",
                        nameof(IamGroup.AttachedPolicyArns), fingerprintKey: "attached:" + name, value: attached);
                }
                break;
            case IamPolicyAttachment attachment when attachment.Describe("group") is { } groups && IamPrivilege.Held([attachment.PolicyArn], [], context.Cloud, attachment) is [var (name, _), ..]:
                yield return context.OnResource(attachment, $"{attachment.DisplayName} attaches {name} to {groups}, which this configuration does not declare, so every member is an administrator; attach only the permissions the members' jobs need.",
                    nameof(IamPolicyAttachment.PolicyArn));
                break;
        }
    }
}
