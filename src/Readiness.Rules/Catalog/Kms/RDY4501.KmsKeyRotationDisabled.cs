using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Kms;

/// <summary>KMS.4 / CIS 3.6: a customer managed symmetric key without automatic rotation.</summary>
public sealed class KmsKeyRotationDisabled : ResourceRule<KmsKey>
{
    public override IEnumerable<Finding> Check(KmsKey key, RuleContext context)
    {
        if (key.KeyManager != "CUSTOMER" || key.KeyState is not (null or "Enabled")) return [];
        if (!key.KeySpec.IsKnown) return [context.Undecided(key, nameof(KmsKey.KeySpec), key.KeySpec.Expression, "is a symmetric key that must rotate")];
        if (!key.CanRotate) return [];
        return CloudJudge.Judge(context, key, key.RotationEnabled, nameof(KmsKey.RotationEnabled), "rotates its key material every year",
            rotates => !rotates,
            () => context.OnResource(key, $"KMS key {key.DisplayName} is a customer managed symmetric key without automatic rotation; turn on key rotation so its key material is replaced every year.", nameof(KmsKey.RotationEnabled)));
    }
}
