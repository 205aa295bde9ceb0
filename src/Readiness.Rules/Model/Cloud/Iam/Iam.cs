namespace Readiness.Rules.Model.Cloud;

// IAM: users, groups, roles and customer managed policies. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An IAM policy document, reduced to what the controls judge.</summary>
public sealed record PolicyDocument
{
    public IReadOnlyList<PolicyStatement> Statements { get; init; } = [];
}

public sealed record PolicyStatement
{
    public string Effect { get; init; } = "Allow";
    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<string> NotActions { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public bool HasCondition { get; init; }
}

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
    public PolicyDocument? AssumeRolePolicy { get; init; }
}

/// <summary>A customer managed IAM policy (AWS managed policies are judged by their well-known ARNs).</summary>
public sealed record IamPolicy : CloudResource
{
    public override string Service => "iam";
    public override string Type => "policy";
    public string? Name { get; init; }
    public Value<PolicyDocument?> Document { get; init; } = (PolicyDocument?)null;
}
