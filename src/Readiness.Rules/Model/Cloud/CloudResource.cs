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
    /// Where a finding about <paramref name="attribute"/> (a model property name) should point: where its value was set
    /// (for a value that travelled, the place it was set, with the steps it passed through as related locations), else
    /// the resource header; for live resources the ARN and the API field, plus the same attribute in the linked definition.
    /// </summary>
    public Location LocationOf(string? attribute = null) => LocationOf(attribute is null ? null : ValueOf(attribute), attribute);

    /// <summary>As <see cref="LocationOf(string?)"/>, for a value the rule holds (an element of a list, a nested record's value).</summary>
    public Location LocationOf(IValue? value, string? attribute = null)
    {
        var definedBy = Provenance.File is not null ? this : Definition;
        var origin = ReferenceEquals(definedBy, this) ? value?.Origin : attribute is null ? null : definedBy?.ValueOf(attribute)?.Origin;
        FileSpan? file = null;
        IReadOnlyList<RelatedLocation>? related = null;
        if (origin is { InFileAt: true })
        {
            file = new FileSpan(origin.File!, origin.Line, origin.Line, origin.Column);
            if (origin.Via.Count > 0)
                related = origin.Via.Where(v => v.InFileAt).Select(v => new RelatedLocation(new FileSpan(v.File!, v.Line, v.Line, v.Column), v.Role ?? "passed through")).ToList();
        }
        else if (definedBy?.Provenance.File is { } path)
        {
            var line = Math.Max(definedBy.Provenance.Line, 1);
            file = new FileSpan(path, line, line);
        }
        // A live value names the API field it was read from, as an IaC value names its line.
        var field = Provenance.IsLive && value?.Origin is { IsLive: true } live ? live.Field : null;
        return new Location { File = file, Resource = Ref(), Related = related, Field = field };
    }

    /// <summary>
    /// The value of a model property by name (what rules pass as the attribute a finding is about); for a list of values,
    /// its first element. Null when the property is not a value.
    /// </summary>
    public IValue? ValueOf(string attribute) => GetType().GetProperty(attribute)?.GetValue(this) switch
    {
        IValue v => v,
        System.Collections.IEnumerable list and not string => list.OfType<IValue>().FirstOrDefault(),
        _ => null,
    };

    /// <summary>A readable name for messages: the Terraform address or logical id for IaC, the id otherwise.</summary>
    public string DisplayName => Provenance.IsLive ? Id : Provenance.Address ?? Id;

    public virtual bool Equals(CloudResource? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
