using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.SecretsManager;

/// <summary>SecretsManager.1: a secret without automatic rotation lives until someone remembers to change it.</summary>
public sealed class SecretRotationDisabled : ResourceRule<Secret>
{
    public override IEnumerable<Finding> Check(Secret secret, RuleContext context) =>
        CloudJudge.Judge(context, secret, secret.RotationEnabled, nameof(Secret.RotationEnabled), "rotates automatically",
            enabled => !enabled,
            () => context.OnResource(secret, $"Secrets Manager secret {secret.DisplayName} has no automatic rotation; configure a rotation schedule with a rotation Lambda (the managed one for RDS credentials)."));
}
