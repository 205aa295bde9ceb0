using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ec2;

/// <summary>EC2.3: an unencrypted EBS volume (and its snapshots) can be read by anyone who gets a copy.</summary>
public sealed class EbsVolumeNotEncrypted : ResourceRule<EbsVolume>
{
    public override IEnumerable<Finding> Check(EbsVolume volume, RuleContext context) =>
        CloudJudge.Judge(context, volume, volume.Encrypted, nameof(EbsVolume.Encrypted), "is encrypted",
            encrypted => !encrypted,
            () => context.OnResource(volume, $"EBS volume {volume.DisplayName} is not encrypted; create it with encryption (a KMS key) or turn on EBS encryption by default, and move the data of an existing volume through an encrypted snapshot copy.", nameof(EbsVolume.Encrypted)));
}
