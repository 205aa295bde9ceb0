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
/// IaC only: a managed policy attachment to a user, group or role that the configuration does not declare (it is
/// created elsewhere), judged on its own. Attachments to declared principals are folded into the principal.
/// </summary>
public sealed record IamPolicyAttachment : CloudResource
{
    public override string Service => "iam";
    public override string Type => "policy-attachment";
    /// <summary>"user", "group" or "role".</summary>
    public required string PrincipalKind { get; init; }
    /// <summary>The principal's name, or the expression that names it.</summary>
    public required string Principal { get; init; }
    public Value<string> PolicyArn { get; init; } = "";
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
