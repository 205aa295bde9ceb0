using Readiness.Rules.Catalog.Kms;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live KMS key weaker than its code: rotation turned off, or a key policy that lets any principal use it.</summary>
public sealed class KmsKeyDrift : ResourceRule<KmsKey>
{
    private static readonly KmsKeyPolicyAnyPrincipal AnyPrincipal = new();

    public override IEnumerable<Finding> Check(KmsKey live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not KmsKey code) yield break;
        if (LiveDrift.TurnedOff(code.RotationEnabled, live.RotationEnabled))
            yield return context.OnResource(live,
                $"KMS key {live.DisplayName} has automatic rotation off in the live account but its code ({code.DisplayName}) turns it on; someone disabled it outside the code: {LiveDrift.Fix}.",
                nameof(KmsKey.RotationEnabled), fingerprintKey: "drift:RotationEnabled",
                properties: LiveDrift.Properties(nameof(KmsKey.RotationEnabled), "true", "false"));
        if (LiveDrift.Widened(AnyPrincipal, code, live, context))
            yield return context.OnResource(live,
                $"KMS key {live.DisplayName} has a key policy in the live account that lets any AWS principal use it, but its code ({code.DisplayName}) does not; someone widened it outside the code: {LiveDrift.Fix}.",
                nameof(KmsKey.Policy), fingerprintKey: "drift:Policy",
                properties: LiveDrift.Properties(nameof(KmsKey.Policy), "account principals", "any principal"));
    }
}
