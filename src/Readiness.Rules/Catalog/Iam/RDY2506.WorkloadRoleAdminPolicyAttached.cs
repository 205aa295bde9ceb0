using Readiness.Rules.Catalog.Aws;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>
/// A role that a service (ECS task, Lambda, EC2) or a federated identity (GitHub Actions, SAML) assumes, holding an
/// administrator policy (see <see cref="IamPrivilege"/>). Roles only people assume from AWS accounts are not judged;
/// an attachment to a role the configuration does not declare is undecided, since its trust is not known.
/// </summary>
public sealed class WorkloadRoleAdminPolicyAttached : ResourceRule<CloudResource>
{
    public override IEnumerable<Finding> Check(CloudResource resource, RuleContext context)
    {
        switch (resource)
        {
            case IamRole role when Assumer(role) is { } assumer:
                foreach (var (name, attached) in IamPrivilege.Held(role.AttachedPolicyArns, [], context.Cloud, role))
                {
                    yield return context.OnResource(role, $"IAM role {role.DisplayName} is assumed by {assumer} and has {name} attached, so a compromise of that workload is a compromise of the account; attach a policy that lists only the actions and resources it needs.",
                        nameof(IamRole.AttachedPolicyArns), fingerprintKey: "attached:" + name, value: attached);
                }
                break;
            case IamPolicyAttachment attachment when attachment.Describe("role") is { } roles && IamPrivilege.Held([attachment.PolicyArn], [], context.Cloud, attachment) is [var (name, _), ..]:
                yield return context.OnResource(attachment, $"Cannot decide whether {attachment.DisplayName} gives a workload administrator access: it attaches {name} to {roles}, which this configuration does not declare, so whose trust lets workloads assume it is not known. Declare the role here or scan the account that holds it.",
                    nameof(IamPolicyAttachment.PolicyArn), fingerprintKey: "undecided:" + nameof(IamPolicyAttachment.PolicyArn)) with { Severity = Severity.Info, Undecided = true };
                break;
        }
    }

    /// <summary>The service or identity provider the trust policy lets assume the role, or null when only AWS principals (people) can.</summary>
    private static string? Assumer(IamRole role) =>
        role.AssumeRolePolicy.Known?.Statements
            .Where(s => string.Equals(s.Effect, "Allow", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Principals)
            .Where(p => p.Type is "Service" or "Federated")
            .Select(p => p.Type == "Service" ? "the service " + p.Id : "the identity provider " + p.Id)
            .FirstOrDefault();
}
