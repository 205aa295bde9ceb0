using System.Runtime.CompilerServices;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_iam_user, aws_iam_group, aws_iam_role and aws_iam_policy, with the attachments and inline policies that name
/// them. An attachment or inline policy whose user, group or role is not declared in the same root (created elsewhere,
/// named by a variable) is judged on its own: an <see cref="IamPolicyAttachment"/> or an <see cref="IamPolicy"/>.
/// aws_iam_account_password_policy is the account's <see cref="AccountPasswordPolicy"/>.
/// </summary>
public sealed class IamTerraform : ITerraformMapping
{
    private static readonly ConditionalWeakTable<IacScope, HashSet<string>> DeclaredPrincipals = new();

    public IReadOnlyList<string> Types =>
    [
        "aws_iam_user", "aws_iam_group", "aws_iam_role", "aws_iam_policy",
        "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_role_policy_attachment", "aws_iam_policy_attachment",
        "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role_policy", "aws_iam_account_password_policy",
    ];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type switch
    {
        "aws_iam_user" => User(r, scope),
        "aws_iam_group" => Group(r, scope),
        "aws_iam_role" => Role(r, scope),
        "aws_iam_policy" => Policy(r, scope),
        "aws_iam_user_policy_attachment" => Attachment(r, scope, "user"),
        "aws_iam_group_policy_attachment" => Attachment(r, scope, "group"),
        "aws_iam_role_policy_attachment" => Attachment(r, scope, "role"),
        "aws_iam_policy_attachment" => Attachment(r, scope, ("user", "users"), ("group", "groups"), ("role", "roles")),
        "aws_iam_user_policy" => Inline(r, scope, "user"),
        "aws_iam_group_policy" => Inline(r, scope, "group"),
        "aws_iam_role_policy" => Inline(r, scope, "role"),
        "aws_iam_account_password_policy" => PasswordPolicy(r),
        _ => null,
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
        var inline = scope.Companions(r, "aws_iam_user_policy", "user").Select(p => IacPolicy.Read(p.Body, "policy", scope));
        // Group memberships name each group by its name or by a reference to its address; both find the group.
        var groups = scope.Companions(r, "aws_iam_group_membership", "users").Select(m => IacValue.KeyOf(m.Body.Get("group")))
            .Concat(scope.Companions(r, "aws_iam_user_group_membership", "user").SelectMany(m => IacValue.Strings(m.Body.Get("groups"))))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new IamUser
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            AttachedPolicyArns = Attached(r, attachments).ToList(),
            InlinePolicies = Known(inline),
            Groups = groups,
        };
    }

    private static IamGroup Group(IacResource r, IacScope scope)
    {
        var attachments = scope.Companions(r, "aws_iam_group_policy_attachment", "group").Concat(scope.Companions(r, "aws_iam_policy_attachment", "groups"));
        var inline = scope.Companions(r, "aws_iam_group_policy", "group").Select(p => IacPolicy.Read(p.Body, "policy", scope));
        return new IamGroup
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            AttachedPolicyArns = Attached(r, attachments).ToList(),
            InlinePolicies = Known(inline),
        };
    }

    private static IamRole Role(IacResource r, IacScope scope)
    {
        var attachments = scope.Companions(r, "aws_iam_role_policy_attachment", "role").Concat(scope.Companions(r, "aws_iam_policy_attachment", "roles"));
        var inline = scope.Companions(r, "aws_iam_role_policy", "role").Select(p => IacPolicy.Read(p.Body, "policy", scope))
            .Concat(r.Body.Blocks("inline_policy").Select(p => IacPolicy.Read(p, "policy", scope)));
        return new IamRole
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            AttachedPolicyArns = IacValue.StringsAt(r.Body, "managed_policy_arns").Concat(Attached(r, attachments)).ToList(),
            InlinePolicies = Known(inline),
            AssumeRolePolicy = WithProviderUrls(IacPolicy.Read(r.Body, "assume_role_policy", scope), scope).From(r.Body.OriginOf("assume_role_policy")),
        };
    }

    /// <summary>
    /// A Federated principal written as a reference to an aws_iam_openid_connect_provider of this root
    /// (aws_iam_openid_connect_provider.github.arn) names that provider's URL, so a GitHub Actions trust is recognised.
    /// </summary>
    private static Value<PolicyDocument?> WithProviderUrls(Value<PolicyDocument?> trust, IacScope scope)
    {
        if (trust.Known is not { } document) return trust;
        PolicyPrincipal Resolve(PolicyPrincipal p) =>
            p.Type == "Federated" && p.Id.EndsWith(".arn", StringComparison.Ordinal)
            && scope.ByAddress(p.Id[..^".arn".Length]) is { Type: "aws_iam_openid_connect_provider" } provider
            && provider.Body.Get("url") is string url
                ? p with { Id = "oidc-provider/" + url.Replace("https://", "", StringComparison.Ordinal) }
                : p;
        return document with { Statements = document.Statements.Select(s => s with { Principals = s.Principals.Select(Resolve).ToList() }).ToList() };
    }

    private static IamPolicy Policy(IacResource r, IacScope scope) => new()
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.Terraform(r),
        Name = r.Body.Get("name") as string,
        Document = IacPolicy.Read(r.Body, "policy", scope).From(r.Body.OriginOf("policy")),
    };

    private static AccountPasswordPolicy PasswordPolicy(IacResource r)
    {
        var b = r.Body;
        const bool absent = AccountPasswordPolicy.Defaults.RequireCharacterClass;
        return new AccountPasswordPolicy
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            MinimumPasswordLength = IacValue.Int(b, "minimum_password_length", AccountPasswordPolicy.Defaults.MinimumPasswordLength),
            PasswordReusePrevention = IacValue.Int(b, "password_reuse_prevention", AccountPasswordPolicy.Defaults.PasswordReusePrevention),
            RequireSymbols = IacValue.Bool(b, "require_symbols", absent),
            RequireNumbers = IacValue.Bool(b, "require_numbers", absent),
            RequireUppercaseCharacters = IacValue.Bool(b, "require_uppercase_characters", absent),
            RequireLowercaseCharacters = IacValue.Bool(b, "require_lowercase_characters", absent),
        };
    }

    private static IamPolicyAttachment? Attachment(IacResource r, IacScope scope, string kind) => Attachment(r, scope, (kind, kind));

    /// <summary>
    /// An attachment to principals this root does not declare, each (kind, attribute) naming one principal or a list
    /// of them (aws_iam_policy_attachment's users, groups, roles); null when every principal folds it in. A list that
    /// is an expression names principals not known here, so it counts as undeclared.
    /// </summary>
    private static IamPolicyAttachment? Attachment(IacResource r, IacScope scope, params (string Kind, string Attribute)[] principals)
    {
        var named = principals.SelectMany(p => Listed(r.Body.Get(p.Attribute)).Select(name => (p.Kind, Name: name))).ToList();
        var undeclared = named.Where(p => !IsDeclared(scope, p.Kind, p.Name))
            .Select(p => new AttachedPrincipal { Kind = p.Kind, Name = IacValue.Text(p.Name) }).ToList();
        // Folded in when every principal it names is declared; one that names none attaches to nothing undeclared.
        if (named.Count > 0 && undeclared.Count == 0) return null;
        var arn = r.Body.Get("policy_arn");
        static IEnumerable<object?> Listed(object? value) => value switch
        {
            null => [],
            List<object?> list => list,
            _ => [value],
        };
        return new IamPolicyAttachment
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Principals = undeclared,
            PolicyArn = (IacValue.KeyOf(arn) is { } key ? Value<string>.Of(key) : IacValue.String(arn, "")).From(r.Body.OriginOf("policy_arn")),
        };
    }

    /// <summary>An inline policy of a principal this root does not declare, judged as a policy of its own.</summary>
    private static IamPolicy? Inline(IacResource r, IacScope scope, string kind) =>
        IsDeclared(scope, kind, r.Body.Get(kind)) ? null : Policy(r, scope);

    /// <summary>True when the value names a user, group or role of this root the way <see cref="IacScope.Companions"/> links them (reference or literal name).</summary>
    private static bool IsDeclared(IacScope scope, string kind, object? principal)
    {
        var declared = DeclaredPrincipals.GetValue(scope, s => s.Resources
            .Where(r => r.Type is "aws_iam_user" or "aws_iam_group" or "aws_iam_role")
            .SelectMany(r => new[] { $"{r.Type} ref:{r.Address}" }.Concat(
                new[] { "name", "id", "arn" }.Select(a => r.Body.Get(a) as string).Where(n => !string.IsNullOrEmpty(n)).Select(n => $"{r.Type} name:{n}")))
            .ToHashSet(StringComparer.Ordinal));
        var type = "aws_iam_" + kind;
        return principal switch
        {
            IacUnknown { Reference: { } reference } => declared.Contains($"{type} ref:{reference}"),
            string name => declared.Contains($"{type} name:{name}"),
            _ => false,
        };
    }
}
