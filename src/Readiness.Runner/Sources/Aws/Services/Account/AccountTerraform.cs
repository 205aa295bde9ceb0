using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_ebs_encryption_by_default: the one account setting IaC declares.</summary>
public sealed class AccountTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_ebs_encryption_by_default"];

    public CloudResource? Map(IacResource r, IacScope scope) => new AccountSettings
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        EbsEncryptionByDefault = IacValue.Bool(r.Body, "enabled", AccountSettings.Defaults.EbsEncryptionByDefault),
    };
}
