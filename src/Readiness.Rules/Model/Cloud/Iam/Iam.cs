namespace Readiness.Rules.Model.Cloud;

// IAM: users, groups, roles and customer managed policies. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An access key of an IAM user (never its secret).</summary>
public sealed record AccessKey
{
    public required string Id { get; init; }
    public bool Active { get; init; } = true;
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? LastUsed { get; init; }
}

/// <summary>An IAM user. Values the source could not know (IaC does not know MFA) are null.</summary>
public sealed record IamUser : CloudResource
{
    public override string Service => "iam";
    public override string Type => "user";
    /// <summary>Managed policies attached (ARNs, or for IaC a customer policy's address), each with where it is attached.</summary>
    public IReadOnlyList<Value<string>> AttachedPolicyArns { get; init; } = [];
    public IReadOnlyList<PolicyDocument> InlinePolicies { get; init; } = [];
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<AccessKey> AccessKeys { get; init; } = [];
    public bool? HasConsolePassword { get; init; }
    public bool? MfaEnabled { get; init; }
}

/// <summary>An IAM group. Its members (IamUser.Groups holds group names) hold its attached and inline policies.</summary>
public sealed record IamGroup : CloudResource
{
    public override string Service => "iam";
    public override string Type => "group";
    /// <summary>Managed policies attached (ARNs, or for IaC a customer policy's address), each with where it is attached.</summary>
    public IReadOnlyList<Value<string>> AttachedPolicyArns { get; init; } = [];
    public IReadOnlyList<PolicyDocument> InlinePolicies { get; init; } = [];
}

/// <summary>An IAM role.</summary>
public sealed record IamRole : CloudResource
{
    public override string Service => "iam";
    public override string Type => "role";
    /// <summary>Managed policies attached (ARNs, or for IaC a customer policy's address), each with where it is attached.</summary>
    public IReadOnlyList<Value<string>> AttachedPolicyArns { get; init; } = [];
    public IReadOnlyList<PolicyDocument> InlinePolicies { get; init; } = [];
    /// <summary>The trust policy; unresolved when the configuration builds it from values not known before apply.</summary>
    public Value<PolicyDocument?> AssumeRolePolicy { get; init; } = (PolicyDocument?)null;
}

/// <summary>A customer managed IAM policy (AWS managed policies are judged by their well-known ARNs).</summary>
public sealed record IamPolicy : CloudResource
{
    public override string Service => "iam";
    public override string Type => "policy";
    public string? Name { get; init; }
    public Value<PolicyDocument?> Document { get; init; } = (PolicyDocument?)null;
}

/// <summary>
/// IaC only: a managed policy attachment to users, groups or roles that the configuration does not declare (they are
/// created elsewhere), judged on its own: aws_iam_{user,group,role}_policy_attachment name one, aws_iam_policy_attachment
/// lists several. Attachments to declared principals are folded into the principal.
/// </summary>
public sealed record IamPolicyAttachment : CloudResource
{
    public override string Service => "iam";
    public override string Type => "policy-attachment";
    /// <summary>The undeclared users, groups and roles the policy is attached to.</summary>
    public required IReadOnlyList<AttachedPrincipal> Principals { get; init; }
    public Value<string> PolicyArn { get; init; } = "";

    /// <summary>"IAM user ci" or "IAM users ci, deploy": the undeclared principals of one kind, for messages; null when there are none.</summary>
    public string? Describe(string kind)
    {
        var names = Principals.Where(p => p.Kind == kind).Select(p => p.Name).ToList();
        return names.Count switch
        {
            0 => null,
            1 => $"IAM {kind} {names[0]}",
            _ => $"IAM {kind}s {string.Join(", ", names)}",
        };
    }
}

/// <summary>A user, group or role an attachment names that the configuration does not declare.</summary>
public sealed record AttachedPrincipal
{
    /// <summary>"user", "group" or "role".</summary>
    public required string Kind { get; init; }
    /// <summary>The principal's name, or the expression that names it.</summary>
    public required string Name { get; init; }
}

/// <summary>
/// The account's IAM password policy (aws_iam_account_password_policy, or live GetAccountPasswordPolicy). Live, an
/// account without one is recorded with <see cref="Exists"/> false: IAM then accepts any password of 8 characters.
/// </summary>
public sealed record AccountPasswordPolicy : CloudResource
{
    /// <summary>What AWS (and the Terraform provider) apply when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const int MinimumPasswordLength = 6;
        public const int PasswordReusePrevention = 0;
        public const bool RequireCharacterClass = false;
    }

    public override string Service => "iam";
    public override string Type => "password-policy";

    public bool Exists { get; init; } = true;
    public Value<int> MinimumPasswordLength { get; init; } = Defaults.MinimumPasswordLength;

    /// <summary>How many previous passwords cannot be reused; 0 means any may.</summary>
    public Value<int> PasswordReusePrevention { get; init; } = Defaults.PasswordReusePrevention;
    public Value<bool> RequireSymbols { get; init; } = Defaults.RequireCharacterClass;
    public Value<bool> RequireNumbers { get; init; } = Defaults.RequireCharacterClass;
    public Value<bool> RequireUppercaseCharacters { get; init; } = Defaults.RequireCharacterClass;
    public Value<bool> RequireLowercaseCharacters { get; init; } = Defaults.RequireCharacterClass;
}
