using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Cognito;

/// <summary>A user pool that accepts passwords shorter than min_length (the IAM password policy rule's CIS length).</summary>
public sealed class UserPoolWeakPasswordPolicy : ResourceRule<UserPool>
{
    public override IEnumerable<Finding> Check(UserPool pool, RuleContext context)
    {
        var minLength = context.Int("min_length");
        return CloudJudge.Judge(context, pool, pool.MinimumPasswordLength, nameof(UserPool.MinimumPasswordLength), $"requires passwords of at least {minLength} characters",
            length => length < minLength,
            () => context.OnResource(pool, $"Cognito user pool {pool.Name ?? pool.DisplayName} accepts passwords of {pool.MinimumPasswordLength.Known} characters; set the minimum password length to at least {minLength}.", nameof(UserPool.MinimumPasswordLength)));
    }
}
