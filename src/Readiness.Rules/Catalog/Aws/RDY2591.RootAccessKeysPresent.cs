using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>The root user of a live account has an active access key.</summary>
public sealed class RootAccessKeysPresent : ResourceRule<AccountSettings>
{
    public override IEnumerable<Finding> Check(AccountSettings settings, RuleContext context)
    {
        if (settings.RootAccessKeysPresent == true)
            yield return context.OnResource(settings, $"The root user of AWS account {settings.Provenance.Account} has an active access key; delete it and use an IAM role or a least-privilege user instead.", "RootAccessKeysPresent");
    }
}
