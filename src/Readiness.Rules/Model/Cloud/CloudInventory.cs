namespace Readiness.Rules.Model.Cloud;

/// <summary>All cloud resources from every source of one scan: Terraform, CloudFormation and live accounts together.</summary>
public sealed class CloudInventory
{
    private readonly Dictionary<string, List<CloudResource>> byKey = new(StringComparer.Ordinal);

    public CloudInventory(IEnumerable<CloudResource> resources)
    {
        Resources = resources.ToList();
        foreach (var r in Resources)
        {
            foreach (var key in KeysOf(r).Distinct())
            {
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                list.Add(r);
            }
        }
    }

    public static CloudInventory Empty { get; } = new([]);

    public IReadOnlyList<CloudResource> Resources { get; }

    public IEnumerable<T> OfType<T>() where T : CloudResource => Resources.OfType<T>();

    /// <summary>Finds a resource by id, ARN or IaC address (what references in the model hold).</summary>
    /// <summary>
    /// Finds a resource by id, ARN or IaC address (what references in the model hold). The same id can exist in code and
    /// in the live account, so a reference is resolved first among resources of the same origin and file as <paramref name="near"/>.
    /// </summary>
    public T? Find<T>(string? reference, CloudResource? near = null) where T : CloudResource
    {
        if (reference is null || !byKey.TryGetValue(reference, out var candidates)) return null;
        var typed = candidates.OfType<T>().ToList();
        if (near is null) return typed.FirstOrDefault();
        return typed.FirstOrDefault(c => c.Provenance.Origin == near.Provenance.Origin && c.Provenance.File == near.Provenance.File)
            ?? typed.FirstOrDefault(c => c.Provenance.Origin == near.Provenance.Origin && c.Provenance.Account == near.Provenance.Account)
            ?? typed.FirstOrDefault();
    }

    private static IEnumerable<string> KeysOf(CloudResource r)
    {
        yield return r.Id;
        if (r.Provenance.Arn is { } arn) yield return arn;
        if (r.Provenance.Address is { } address) yield return address;
    }
}
