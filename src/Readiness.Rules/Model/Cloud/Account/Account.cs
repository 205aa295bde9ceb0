namespace Readiness.Rules.Model.Cloud;

// Account-wide settings of one account and region. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>
/// Account-wide facts for one account and region, known only from a live account or where IaC declares them
/// (aws_ebs_encryption_by_default). Null means "not collected": rules stay silent rather than guess.
/// </summary>
public sealed record AccountSettings : CloudResource
{
    public override string Service => "account";
    public override string Type => "settings";
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        /// <summary>aws_ebs_encryption_by_default without "enabled" turns encryption on.</summary>
        public const bool EbsEncryptionByDefault = true;
    }

    public Value<bool>? EbsEncryptionByDefault { get; init; }
    public bool? RootMfaEnabled { get; init; }
    public bool? RootAccessKeysPresent { get; init; }

    /// <summary>Live only: services whose resources were read completely in this account and region (e.g. "cloudtrail").</summary>
    public IReadOnlySet<string> ServicesRead { get; init; } = new HashSet<string>();
}
