namespace Readiness.Rules.Model.Cloud;

/// <summary>Where a resource's description came from.</summary>
public enum Origin
{
    Terraform,
    TerraformPlan,
    CloudFormation,
    AwsLive,
}

/// <summary>
/// The resource's provenance: for IaC the file, the header line and the Terraform address or CloudFormation logical id;
/// for live AWS the ARN, account and region. Where each attribute was set travels with its value (<see cref="Value{T}.Origin"/>).
/// </summary>
public sealed record Provenance
{
    public required Origin Origin { get; init; }
    public string? File { get; init; }
    public int Line { get; init; }
    public string? Address { get; init; }
    public string? Arn { get; init; }
    public string? Account { get; init; }
    public string? Region { get; init; }

    /// <summary>
    /// Live only: when the account was read. Ages (of keys, of the last rotation) are measured at this moment, so a
    /// recorded inventory is judged as it was when collected, not as it would be today.
    /// </summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>IaC: the Terraform root module this resource was reached from; with <see cref="IsExampleRoot"/> its findings are labelled "example".</summary>
    public string? Root { get; init; }

    /// <summary>IaC: the root is an example of a module library (under examples/, example/, test/ or tests/).</summary>
    public bool IsExampleRoot { get; init; }

    public bool IsLive => Origin == Origin.AwsLive;
    public EvidenceSource Source => IsLive ? EvidenceSource.Aws : EvidenceSource.Iac;
}
