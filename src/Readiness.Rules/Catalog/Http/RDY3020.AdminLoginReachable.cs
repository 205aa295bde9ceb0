using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>Information: an admin login form at /admin/ reachable from anywhere (worth restricting, not a flaw by itself).</summary>
public sealed class AdminLoginReachable : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        if (ExposedContent.AdminLogin(target) is not { } admin) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{admin.Exchange.FinalUrl} shows {admin.What} to anyone on the internet; if only staff use it, allow it from the office or VPN only, and require multi-factor sign-in.",
            admin.Proof, "admin-login", Props(admin.Exchange));
    }
}
