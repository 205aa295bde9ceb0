using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Iac;

/// <summary>Maps one kind of Terraform resource (aws_db_instance, ...) into the model; one per service, listed in AwsServices.</summary>
public interface ITerraformMapping
{
    IReadOnlyList<string> Types { get; }

    /// <summary>Attributes that name this service's resources where companions refer to them by name (bucket, identifier).</summary>
    IReadOnlyList<string> NameAttributes => [];

    /// <summary>The model resource, or null when this resource is only a companion of another (folded in by its owner).</summary>
    CloudResource? Map(IacResource resource, IacScope scope);
}

/// <summary>Maps CloudFormation resource types (AWS::RDS::DBInstance, ...) into the model; one per service.</summary>
public interface ICloudFormationMapping
{
    IReadOnlyList<string> Types { get; }

    /// <summary>Properties that name this service's resources where others refer to them by name (BucketName, UserName).</summary>
    IReadOnlyList<string> NameAttributes => [];

    CloudResource? Map(IacResource resource, IacScope scope);
}

/// <summary>
/// The resources of one Terraform root module (with its child modules) or one CloudFormation template: the only
/// place a companion (a security group rule, a WAF association, a public access block) is looked for, so nothing
/// links across roots or templates. Companions are found through an index built once per (type, attribute) the first
/// time a mapping asks, so mapping stays linear in the number of resources.
/// </summary>
public sealed class IacScope
{
    private readonly Dictionary<string, List<IacResource>> byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IacResource> byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Attribute), Dictionary<string, List<int>>> indexes = [];
    private readonly Dictionary<IacResource, int> position = [];
    private readonly IReadOnlyList<string> nameAttributes;

    /// <param name="nameAttributes">Attributes whose literal value names a resource where others refer to it by name (bucket = "logs").</param>
    public IacScope(IReadOnlyList<IacResource> resources, IReadOnlyList<string> nameAttributes)
    {
        Resources = resources;
        this.nameAttributes = nameAttributes;
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            position[r] = i;
            byAddress.TryAdd(r.Address, r);
            if (!byType.TryGetValue(r.Type, out var list)) byType[r.Type] = list = [];
            list.Add(r);
        }
    }

    public IReadOnlyList<IacResource> Resources { get; }

    public IacResource? ByAddress(string address) => byAddress.GetValueOrDefault(address);

    /// <summary>
    /// The resources of <paramref name="type"/> whose <paramref name="attribute"/> refers to <paramref name="target"/>:
    /// by a reference to its address (aws_s3_bucket.logs.id, !Ref Logs) or by one of its literal names, in declaration order.
    /// </summary>
    public IReadOnlyList<IacResource> Companions(IacResource target, string type, string attribute)
    {
        var index = Index(type, attribute);
        var found = new SortedSet<int>();
        if (index.TryGetValue(ReferenceKey(target.Address), out var referencing)) found.UnionWith(referencing);
        foreach (var name in NamesOf(target))
        {
            if (index.TryGetValue(NameKey(name), out var naming)) found.UnionWith(naming);
        }
        return found.Select(i => Resources[i]).ToList();
    }

    /// <summary>
    /// Whether <paramref name="value"/> (a companion's reference attribute) names a resource of one of
    /// <paramref name="types"/> that this scope declares (not a data source): by its address or one of its literal names.
    /// A companion whose owner is not declared here (sg-123, a variable, a data source) is judged on its own.
    /// </summary>
    public bool DeclaresOwner(object? value, params string[] types) => value switch
    {
        IacUnknown { Reference: { } reference } => ByAddress(reference) is { IsData: false } owner && types.Contains(owner.Type),
        string name => types.Any(t => byType.GetValueOrDefault(t)?.Any(r => !r.IsData && NamesOf(r).Contains(name, StringComparer.Ordinal)) == true),
        List<object?> list => list.Any(v => DeclaresOwner(v, types)),
        _ => false,
    };

    private Dictionary<string, List<int>> Index(string type, string attribute)
    {
        lock (indexes)
        {
            if (indexes.TryGetValue((type, attribute), out var built)) return built;
            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var r in byType.GetValueOrDefault(type) ?? [])
            {
                foreach (var key in KeysOf(r.Body.Get(attribute)).Distinct())
                {
                    if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                    list.Add(position[r]);
                }
            }
            return indexes[(type, attribute)] = index;
        }
    }

    private static IEnumerable<string> KeysOf(object? value) => value switch
    {
        IacUnknown { Reference: { } reference } => [ReferenceKey(reference)],
        string s => [NameKey(s)],
        List<object?> list => list.SelectMany(KeysOf),
        _ => [],
    };

    private IEnumerable<string> NamesOf(IacResource r) =>
        nameAttributes.Select(a => r.Body.Get(a) as string).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)!;

    private static string ReferenceKey(string address) => "ref:" + address;
    private static string NameKey(string name) => "name:" + name;

    /// <summary>A companion's line, when it is declared in the owner's file (a finding stays in the owner's file).</summary>
    public static int Near(IacResource owner, IacResource? companion) => companion is not null && companion.File == owner.File ? companion.Line : 0;

    /// <summary>Where a companion sets a fact of its owner: its header line, when it is in the owner's file.</summary>
    public static ValueOrigin? NearOrigin(IacResource owner, IacResource? companion) =>
        Near(owner, companion) is > 0 and var line ? ValueOrigin.InFile(owner.File, line) : null;

    public static Provenance Provenance(IacResource r) => new()
    {
        Origin = r.Origin,
        File = r.File,
        Line = r.Line,
        Address = r.Address,
    };

    /// <summary>The resource's name when the configuration sets it literally, else its address.</summary>
    public static string IdOf(IacResource r, params string[] nameAttributes) =>
        nameAttributes.Select(a => r.Body.Get(a) as string).FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? r.Address;
}
