namespace Readiness.Rules.Model.Cloud;

// ACM: certificates. Absent attributes take the defaults written once in Defaults; every source (Terraform,
// CloudFormation, live, inventory) reads them from there. Expiry, validation and renewal are facts of a live account.

/// <summary>An ACM certificate.</summary>
public sealed record Certificate : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string KeyAlgorithm = "RSA_2048";
    }

    public override string Service => "acm";
    public override string Type => "certificate";

    public string? DomainName { get; init; }

    /// <summary>RSA_1024, RSA_2048, EC_prime256v1, ...; for an imported certificate in IaC, unknown until it is read live.</summary>
    public Value<string> KeyAlgorithm { get; init; } = Defaults.KeyAlgorithm;

    /// <summary>Live only: SHA256WITHRSA, SHA1WITHRSA, ...</summary>
    public string? SignatureAlgorithm { get; init; }

    /// <summary>Live only: ISSUED, PENDING_VALIDATION, FAILED, VALIDATION_TIMED_OUT, EXPIRED, REVOKED, INACTIVE.</summary>
    public string? Status { get; init; }

    /// <summary>Live only: PENDING_AUTO_RENEWAL, PENDING_VALIDATION, SUCCESS or FAILED, when ACM is renewing it.</summary>
    public string? RenewalStatus { get; init; }

    /// <summary>Live only: when the certificate stops being valid.</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Live only: ARNs of the load balancers, distributions and APIs that serve it.</summary>
    public IReadOnlyList<string> InUseBy { get; init; } = [];
}
