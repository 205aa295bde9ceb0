using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Cognito;

/// <summary>A production user pool whose users cannot use MFA at all (MfaConfiguration OFF).</summary>
public sealed class UserPoolMfaOff : ResourceRule<UserPool>
{
    public override IEnumerable<Finding> Check(UserPool pool, RuleContext context)
    {
        if (context.Bool("production_only") && !CloudJudge.IsProduction(pool)) return [];
        return CloudJudge.Judge(context, pool, pool.MfaConfiguration, nameof(UserPool.MfaConfiguration), "lets its users protect their accounts with MFA",
            mfa => string.Equals(mfa, "OFF", StringComparison.OrdinalIgnoreCase),
            () => context.OnResource(pool, $"Cognito user pool {pool.Name ?? pool.DisplayName} is a production pool with MFA turned off, so a stolen or guessed password is enough to take over an account; set MFA to OPTIONAL or ON with TOTP software tokens.", nameof(UserPool.MfaConfiguration)));
    }
}
