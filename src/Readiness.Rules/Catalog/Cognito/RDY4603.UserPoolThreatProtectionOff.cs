using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Cognito;

/// <summary>A production user pool without threat protection (advanced security mode OFF).</summary>
public sealed class UserPoolThreatProtectionOff : ResourceRule<UserPool>
{
    public override IEnumerable<Finding> Check(UserPool pool, RuleContext context)
    {
        if (context.Bool("production_only") && !CloudJudge.IsProduction(pool)) return [];
        return CloudJudge.Judge(context, pool, pool.AdvancedSecurityMode, nameof(UserPool.AdvancedSecurityMode), "has threat protection turned on",
            mode => string.Equals(mode, "OFF", StringComparison.OrdinalIgnoreCase),
            () => context.OnResource(pool, $"Cognito user pool {pool.Name ?? pool.DisplayName} is a production pool without threat protection, so sign-ins with leaked credentials and from risky locations are not detected; set the advanced security mode to AUDIT or ENFORCED.", nameof(UserPool.AdvancedSecurityMode)));
    }
}
