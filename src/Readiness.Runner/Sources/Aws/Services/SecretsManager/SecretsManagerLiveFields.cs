using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.SecretsManagerClient"/> reads a secret's rotation from.</summary>
public sealed class SecretLiveFields : LiveFields<Secret>
{
    protected override IReadOnlyDictionary<string, string> For(Secret secret) => new Dictionary<string, string>
    {
        [nameof(Secret.RotationEnabled)] = "ListSecrets.SecretList[].RotationEnabled",
        [nameof(Secret.RotationIntervalDays)] = "ListSecrets.SecretList[].RotationRules.AutomaticallyAfterDays",
    };
}
