using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Account;

/// <summary>EC2.7: EBS encryption by default is off (judged only where the setting is known: live, or declared in IaC).</summary>
public sealed class EbsDefaultEncryptionDisabled : ResourceRule<AccountSettings>
{
    public override IEnumerable<Finding> Check(AccountSettings settings, RuleContext context) =>
        settings.EbsEncryptionByDefault is not { } value
            ? []
            : CloudJudge.Judge(context, settings, value, nameof(AccountSettings.EbsEncryptionByDefault), "encrypts new EBS volumes by default",
                enabled => !enabled,
                () => context.OnResource(settings, $"EBS encryption by default is off{Where(settings)}; turn it on so every new volume and snapshot is encrypted.", nameof(AccountSettings.EbsEncryptionByDefault)));

    private static string Where(AccountSettings s) =>
        s.Provenance.IsLive ? $" in account {s.Provenance.Account ?? "?"} region {s.Provenance.Region ?? "?"}" : $" ({s.DisplayName})";
}
