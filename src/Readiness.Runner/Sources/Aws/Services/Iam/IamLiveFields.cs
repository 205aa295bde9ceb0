using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.IamClient"/> reads a user's attached policies from (GetAccountAuthorizationDetails).</summary>
public sealed class IamUserLiveFields : LiveFields<IamUser>
{
    protected override IReadOnlyDictionary<string, string> For(IamUser user) => new Dictionary<string, string>
    {
        [nameof(IamUser.AttachedPolicyArns)] = "GetAccountAuthorizationDetails.UserDetailList[].AttachedManagedPolicies[].PolicyArn",
    };
}

/// <summary>The API fields <see cref="Clients.IamClient"/> reads a group's attached policies from.</summary>
public sealed class IamGroupLiveFields : LiveFields<IamGroup>
{
    protected override IReadOnlyDictionary<string, string> For(IamGroup group) => new Dictionary<string, string>
    {
        [nameof(IamGroup.AttachedPolicyArns)] = "GetAccountAuthorizationDetails.GroupDetailList[].AttachedManagedPolicies[].PolicyArn",
    };
}

/// <summary>The API fields <see cref="Clients.IamClient"/> reads a role's trust policy and attached policies from.</summary>
public sealed class IamRoleLiveFields : LiveFields<IamRole>
{
    protected override IReadOnlyDictionary<string, string> For(IamRole role) => new Dictionary<string, string>
    {
        [nameof(IamRole.AttachedPolicyArns)] = "GetAccountAuthorizationDetails.RoleDetailList[].AttachedManagedPolicies[].PolicyArn",
        [nameof(IamRole.AssumeRolePolicy)] = "GetAccountAuthorizationDetails.RoleDetailList[].AssumeRolePolicyDocument",
    };
}

/// <summary>The API field <see cref="Clients.IamClient"/> reads a customer managed policy's document from (its default version).</summary>
public sealed class IamPolicyLiveFields : LiveFields<IamPolicy>
{
    protected override IReadOnlyDictionary<string, string> For(IamPolicy policy) => new Dictionary<string, string>
    {
        [nameof(IamPolicy.Document)] = "GetAccountAuthorizationDetails.Policies[].PolicyVersionList[].Document",
    };
}

/// <summary>The API fields <see cref="Clients.IamClient"/> reads the account password policy from.</summary>
public sealed class AccountPasswordPolicyLiveFields : LiveFields<AccountPasswordPolicy>
{
    private const string Policy = "GetAccountPasswordPolicy.PasswordPolicy.";

    protected override IReadOnlyDictionary<string, string> For(AccountPasswordPolicy policy) => new[]
    {
        nameof(AccountPasswordPolicy.MinimumPasswordLength), nameof(AccountPasswordPolicy.PasswordReusePrevention),
        nameof(AccountPasswordPolicy.RequireSymbols), nameof(AccountPasswordPolicy.RequireNumbers),
        nameof(AccountPasswordPolicy.RequireUppercaseCharacters), nameof(AccountPasswordPolicy.RequireLowercaseCharacters),
    }.ToDictionary(p => p, p => Policy + p);
}
