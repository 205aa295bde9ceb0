namespace Readiness.Rules.Model.Cloud;

// KMS: keys. Absent attributes take the defaults written once in Defaults; every source (Terraform, CloudFormation,
// live, inventory) reads them from there.

/// <summary>A KMS key (customer managed or AWS managed).</summary>
public sealed record KmsKey : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool RotationEnabled = false;
        public const string KeySpec = "SYMMETRIC_DEFAULT";
        public const string KeyManager = "CUSTOMER";
    }

    public override string Service => "kms";
    public override string Type => "key";

    /// <summary>"CUSTOMER" or "AWS" (AWS managed keys rotate every year on their own).</summary>
    public string KeyManager { get; init; } = Defaults.KeyManager;

    /// <summary>SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256, ...: only symmetric encryption keys can rotate automatically.</summary>
    public Value<string> KeySpec { get; init; } = Defaults.KeySpec;

    /// <summary>Live only: Enabled, Disabled, PendingDeletion, ...; null for IaC (a declared key is enabled).</summary>
    public string? KeyState { get; init; }

    /// <summary>Live only: AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM, EXTERNAL_KEY_STORE; only AWS_KMS keys rotate automatically.</summary>
    public string? KeyOrigin { get; init; }

    public Value<bool> RotationEnabled { get; init; } = Defaults.RotationEnabled;

    /// <summary>The key policy; null is the default policy, which trusts the account's IAM policies only.</summary>
    public Value<PolicyDocument?> Policy { get; init; } = (PolicyDocument?)null;

    /// <summary>A key that can rotate automatically: a symmetric encryption key with key material KMS generated.</summary>
    public bool CanRotate => KeySpec.Known == "SYMMETRIC_DEFAULT" && KeyOrigin is null or "AWS_KMS";
}
