using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>An IAM user who can sign in to the console with a password but has no MFA device.</summary>
public sealed class ConsoleUserWithoutMfa : ResourceRule<IamUser>
{
    public override IEnumerable<Finding> Check(IamUser user, RuleContext context)
    {
        if (user.HasConsolePassword == true && user.MfaEnabled == false)
            yield return context.OnResource(user, $"IAM user {user.DisplayName} can sign in to the console with a password but has no MFA device; assign one, or remove the console password if the user only needs API access.", "MfaEnabled");
    }
}
