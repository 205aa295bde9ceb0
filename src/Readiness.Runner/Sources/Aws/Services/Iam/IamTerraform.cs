using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_iam_user, aws_iam_role and aws_iam_policy, with the attachments and inline policies that name them.</summary>
public sealed class IamTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_iam_user", "aws_iam_role", "aws_iam_policy"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type switch
    {
        "aws_iam_user" => User(r, scope),
        "aws_iam_role" => Role(r, scope),
        _ => Policy(r, scope),
    };

    /// <summary>The policy ARN of each attachment, as set where the attachment is declared.</summary>
    private static IEnumerable<Value<string>> Attached(IacResource owner, IEnumerable<IacResource> attachments) =>
        attachments.Select(a => (Arn: IacValue.KeyOf(a.Body.Get("policy_arn")), Attachment: a))
            .Where(a => a.Arn is not null)
            .Select(a => Value<string>.Of(a.Arn!).From(IacScope.NearOrigin(owner, a.Attachment)));

    private static IReadOnlyList<PolicyDocument> Known(IEnumerable<Value<PolicyDocument?>> documents) =>
        documents.Where(d => d.IsKnown && d.Known is not null).Select(d => d.Known!).ToList();

    private static IamUser User(IacResource r, IacScope scope)
    {
        var attachments = scope.Companions(r, "aws_iam_user_policy_attachment", "user").Concat(scope.Companions(r, "aws_iam_policy_attachment", "users"));
        var inline = scope.Companions(r, "aws_iam_user_policy", "user").Select(p => IamPolicies.Document(p.Body, "policy", scope));
        return new IamUser
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            AttachedPolicyArns = Attached(r, attachments).ToList(),
            InlinePolicies = Known(inline),
        };
    }

    private static IamRole Role(IacResource r, IacScope scope)
    {
        var attachments = scope.Companions(r, "aws_iam_role_policy_attachment", "role").Concat(scope.Companions(r, "aws_iam_policy_attachment", "roles"));
        var inline = scope.Companions(r, "aws_iam_role_policy", "role").Select(p => IamPolicies.Document(p.Body, "policy", scope))
            .Concat(r.Body.Blocks("inline_policy").Select(p => IamPolicies.Document(p, "policy", scope)));
        var assume = IamPolicies.Document(r.Body, "assume_role_policy", scope);
        return new IamRole
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            AttachedPolicyArns = IacValue.StringsAt(r.Body, "managed_policy_arns").Concat(Attached(r, attachments)).ToList(),
            InlinePolicies = Known(inline),
            AssumeRolePolicy = assume.IsKnown ? assume.Known : null,
        };
    }

    private static IamPolicy Policy(IacResource r, IacScope scope) => new()
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.Terraform(r),
        Name = r.Body.Get("name") as string,
        Document = IamPolicies.Document(r.Body, "policy", scope).From(r.Body.OriginOf("policy")),
    };
}
