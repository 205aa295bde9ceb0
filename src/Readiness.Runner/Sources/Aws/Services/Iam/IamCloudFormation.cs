using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// AWS::IAM::User, Group, Role, Policy and ManagedPolicy. A ManagedPolicy that names a user, group or role in Users /
/// Groups / Roles is attached to it; an AWS::IAM::Policy is judged as a policy of its own (once, whoever it names).
/// </summary>
public sealed class IamCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"];
    public IReadOnlyList<string> NameAttributes => ["UserName", "GroupName", "RoleName"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type switch
    {
        "AWS::IAM::User" => User(r, scope),
        "AWS::IAM::Group" => Group(r, scope),
        "AWS::IAM::Role" => Role(r, scope),
        _ => Policy(r),
    };

    /// <summary>AWS::IAM::ManagedPolicy resources that name this principal in Users / Groups / Roles, in declaration order.</summary>
    private static List<IacResource> PoliciesNaming(IacResource principal, string listAttribute, IacScope scope) =>
        scope.Companions(principal, "AWS::IAM::ManagedPolicy", listAttribute).ToList();

    private static IReadOnlyList<PolicyDocument> Known(IEnumerable<Value<PolicyDocument?>> documents) =>
        documents.Where(d => d.IsKnown && d.Known is not null).Select(d => d.Known!).ToList();

    private static IReadOnlyList<Value<string>> Managed(IacResource r, List<IacResource> naming) =>
        IacValue.StringsAt(r.Body, "ManagedPolicyArns")
            .Concat(naming.Select(p => Value<string>.Of(p.Address)))
            .ToList();

    private static IamUser User(IacResource r, IacScope scope)
    {
        var naming = PoliciesNaming(r, "Users", scope);
        var inline = r.Body.Blocks("Policies").Select(p => IacPolicy.FromObject(p.Get("PolicyDocument"), "PolicyDocument"));
        return new IamUser
        {
            Id = IacScope.IdOf(r, "UserName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            AttachedPolicyArns = Managed(r, naming),
            InlinePolicies = Known(inline),
        };
    }

    private static IamGroup Group(IacResource r, IacScope scope)
    {
        var naming = PoliciesNaming(r, "Groups", scope);
        var inline = r.Body.Blocks("Policies").Select(p => IacPolicy.FromObject(p.Get("PolicyDocument"), "PolicyDocument"));
        return new IamGroup
        {
            Id = IacScope.IdOf(r, "GroupName"),
            Provenance = IacScope.Provenance(r),
            AttachedPolicyArns = Managed(r, naming),
            InlinePolicies = Known(inline),
        };
    }

    private static IamRole Role(IacResource r, IacScope scope)
    {
        var naming = PoliciesNaming(r, "Roles", scope);
        var inline = r.Body.Blocks("Policies").Select(p => IacPolicy.FromObject(p.Get("PolicyDocument"), "PolicyDocument"));
        return new IamRole
        {
            Id = IacScope.IdOf(r, "RoleName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            AttachedPolicyArns = Managed(r, naming),
            InlinePolicies = Known(inline),
            AssumeRolePolicy = (r.Body.Get("AssumeRolePolicyDocument") is { } trust ? IacPolicy.FromObject(trust, "AssumeRolePolicyDocument") : (PolicyDocument?)null)
                .From(r.Body.OriginOf("AssumeRolePolicyDocument")),
        };
    }

    private static IamPolicy Policy(IacResource r) => new()
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        Name = (r.Body.Get("PolicyName") ?? r.Body.Get("ManagedPolicyName")) as string,
        Document = (r.Body.Get("PolicyDocument") is { } doc ? IacPolicy.FromObject(doc, "PolicyDocument") : (PolicyDocument?)null).From(r.Body.OriginOf("PolicyDocument")),
    };
}
