using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>CIS 1.8 and 1.9: the account password policy is missing (live), shorter than min_length or allows reuse within reuse_prevention passwords.</summary>
public sealed class AccountPasswordPolicyWeak : ResourceRule<AccountPasswordPolicy>
{
    public override IEnumerable<Finding> Check(AccountPasswordPolicy policy, RuleContext context)
    {
        var account = policy.Provenance.Account is { } id ? $"AWS account {id}" : policy.DisplayName;
        if (!policy.Exists)
        {
            yield return context.OnResource(policy, $"{account} has no IAM password policy, so IAM users may set any password of 8 characters and reuse it forever; set a password policy with a minimum length of at least {context.Int("min_length")} and reuse prevention of {context.Int("reuse_prevention")}.", nameof(AccountPasswordPolicy.Exists));
            yield break;
        }
        var minLength = context.Int("min_length");
        foreach (var f in CloudJudge.Judge(context, policy, policy.MinimumPasswordLength, nameof(AccountPasswordPolicy.MinimumPasswordLength), $"requires passwords of at least {minLength} characters",
            length => length < minLength,
            () => context.OnResource(policy, $"The IAM password policy of {account} accepts passwords of {policy.MinimumPasswordLength.Known} characters; set the minimum password length to at least {minLength}.", nameof(AccountPasswordPolicy.MinimumPasswordLength))))
            yield return f;
        var reuse = context.Int("reuse_prevention");
        foreach (var f in CloudJudge.Judge(context, policy, policy.PasswordReusePrevention, nameof(AccountPasswordPolicy.PasswordReusePrevention), $"prevents the reuse of the last {reuse} passwords",
            remembered => remembered < reuse,
            () => context.OnResource(policy, $"The IAM password policy of {account} remembers {policy.PasswordReusePrevention.Known} previous passwords, so users can go back to an old one; set password reuse prevention to {reuse}.", nameof(AccountPasswordPolicy.PasswordReusePrevention))))
            yield return f;
    }
}
