using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Iac;

/// <summary>
/// What the Terraform and CloudFormation mappers share: finding a resource's companions (the resources that refer to
/// it, such as a security group rule or a WAF association) by address, logical id or name, and building provenance.
/// </summary>
public abstract class IacMapper
{
    private readonly Dictionary<IacResource, HashSet<string>> names = [];

    protected IacMapper(IReadOnlyList<IacResource> resources, params string[] nameAttributes)
    {
        Resources = resources;
        foreach (var r in resources)
        {
            names[r] = nameAttributes.Select(a => r.Body.Get(a) as string).Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal)!;
        }
    }

    protected IReadOnlyList<IacResource> Resources { get; }

    /// <summary>The resources of <paramref name="type"/> whose <paramref name="attribute"/> refers to <paramref name="target"/>.</summary>
    protected IEnumerable<IacResource> Companions(IacResource target, string type, string attribute) =>
        Resources.Where(r => r.Type == type && Refers(r.Body.Get(attribute), target));

    protected bool Refers(object? value, IacResource target) => value switch
    {
        IacUnknown u => u.Reference == target.Address,
        string s => names[target].Contains(s),
        List<object?> list => list.Any(v => Refers(v, target)),
        _ => false,
    };

    /// <summary>A companion's line, when it is declared in the owner's file (a finding's line is always in the owner's file).</summary>
    protected static int Near(IacResource owner, IacResource? companion) => companion is not null && companion.File == owner.File ? companion.Line : 0;

    protected static Provenance Provenance(IacResource r, IacLines lines) => new()
    {
        Origin = r.Origin,
        File = r.File,
        Line = r.Line,
        Address = r.Address,
        AttributeLines = lines.ToDictionary(),
    };

    /// <summary>The resource's name when the configuration sets it literally, else its address.</summary>
    protected static string IdOf(IacResource r, params string[] nameAttributes) =>
        nameAttributes.Select(a => r.Body.Get(a) as string).FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? r.Address;
}
