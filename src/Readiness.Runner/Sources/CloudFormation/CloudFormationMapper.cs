using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.CloudFormation;

/// <summary>
/// Maps the resources of one CloudFormation template (hand-written or CDK output) into the shared cloud model through
/// each service's <see cref="ICloudFormationMapping"/>, the template being one <see cref="IacScope"/> for companions.
/// </summary>
public static class CloudFormationMapper
{
    private static readonly string[] CommonNames = ["Name"];

    private static readonly Dictionary<string, ICloudFormationMapping> ByType = AwsServices.All
        .Select(s => s.CloudFormation).OfType<ICloudFormationMapping>()
        .SelectMany(m => m.Types.Select(t => (Type: t, Mapping: m)))
        .ToDictionary(p => p.Type, p => p.Mapping, StringComparer.Ordinal);

    private static readonly string[] NameAttributes = CommonNames
        .Concat(AwsServices.All.Select(s => s.CloudFormation).OfType<ICloudFormationMapping>().SelectMany(m => m.NameAttributes))
        .Distinct(StringComparer.Ordinal).ToArray();

    /// <param name="resources">The resources of one template.</param>
    public static IReadOnlyList<CloudResource> Map(IReadOnlyList<IacResource> resources)
    {
        var scope = new IacScope(resources, NameAttributes);
        var result = new List<CloudResource>();
        foreach (var r in resources)
        {
            if (ByType.TryGetValue(r.Type, out var mapping) && mapping.Map(r, scope) is { } mapped) result.Add(mapped);
        }
        return result;
    }
}
