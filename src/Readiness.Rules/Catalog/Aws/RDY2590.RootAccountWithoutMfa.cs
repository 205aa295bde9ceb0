using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>The root user of a live account has no MFA device (from the IAM credential report).</summary>
public sealed class RootAccountWithoutMfa : ResourceRule<AccountSettings>
{
    public override IEnumerable<Finding> Check(AccountSettings settings, RuleContext context)
    {
        if (settings.RootMfaEnabled == false)
            yield return context.OnResource(settings, $"The root user of AWS account {settings.Provenance.Account} has no MFA device; enable a hardware or virtual MFA device for root and lock its password away.", "RootMfaEnabled");
    }
}
