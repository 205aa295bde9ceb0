namespace Readiness.Rules.Model.Cloud;

/// <summary>
/// A resource in the normalized cloud model, filled the same way by the Terraform, CloudFormation and live AWS sources,
/// so a control is written once. Id is the natural identifier (DB identifier, group id, bucket name); for IaC resources
/// whose name is not known yet it is the address.
/// A record so a source can complete a fact it learns later with <c>resource with { ... }</c>; equality stays by
/// identity, because two resources with the same attributes are still two resources.
/// </summary>
public abstract record CloudResource
{
    public required string Id { get; init; }
    public required Provenance Provenance { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>AWS service short name as used in ARNs: "rds", "ec2", "cloudfront", "wafv2", "secretsmanager", "iam", "s3".</summary>
    public abstract string Service { get; }

    /// <summary>Resource type within the service, e.g. "db-instance", "security-group".</summary>
    public abstract string Type { get; }

    /// <summary>
    /// For a live resource: its definition in code, when the linker matched one (Terraform state, the CloudFormation
    /// logical-id tag, identifiers). Findings then point at the definition's line, and drift rules compare the two.
    /// </summary>
    public CloudResource? Definition { get; set; }

    /// <summary>The resource's identity as a finding location part.</summary>
    public ResourceRef Ref() => new()
    {
        Account = Provenance.Account,
        Region = Provenance.Region,
        Service = Service,
        Type = Type,
        Id = Id,
        Arn = Provenance.Arn,
        Address = Provenance.Address ?? Definition?.Provenance.Address,
    };

    /// <summary>
    /// Where a finding about <paramref name="attribute"/> should point: the attribute's line when the source set it,
    /// else the resource header; for live resources the ARN, plus the defining file and line when linked.
    /// </summary>
    public Location LocationOf(string? attribute = null)
    {
        var definedBy = Provenance.File is not null ? this : Definition;
        FileSpan? file = null;
        if (definedBy?.Provenance.File is { } path)
        {
            var line = attribute is not null && definedBy.Provenance.AttributeLines.TryGetValue(attribute, out var at)
                ? at
                : definedBy.Provenance.Line;
            file = new FileSpan(path, Math.Max(line, 1), Math.Max(line, 1));
        }
        return new Location { File = file, Resource = Ref() };
    }

    /// <summary>A readable name for messages: the Terraform address or logical id for IaC, the id otherwise.</summary>
    public string DisplayName => Provenance.IsLive ? Id : Provenance.Address ?? Id;

    public virtual bool Equals(CloudResource? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
