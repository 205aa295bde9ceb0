using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>
/// Maps Terraform resources (from .tf files or plan JSON) into the shared cloud model through each service's
/// <see cref="ITerraformMapping"/>. Each root module (a plan is one) is its own <see cref="IacScope"/>: companion
/// resources (rules, associations, attachments) fold into the resource they reference within that root only.
/// </summary>
public static class TerraformMapper
{
    // Names any resource may be referred to by, besides each service's own (bucket, identifier).
    private static readonly string[] CommonNames = ["name", "id", "arn"];

    private static readonly Dictionary<string, ITerraformMapping> ByType = AwsServices.All
        .Select(s => s.Terraform).OfType<ITerraformMapping>()
        .SelectMany(m => m.Types.Select(t => (Type: t, Mapping: m)))
        .ToDictionary(p => p.Type, p => p.Mapping, StringComparer.Ordinal);

    private static readonly string[] NameAttributes = CommonNames
        .Concat(AwsServices.All.Select(s => s.Terraform).OfType<ITerraformMapping>().SelectMany(m => m.NameAttributes))
        .Distinct(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<CloudResource> Map(IReadOnlyList<IacResource> resources)
    {
        var result = new List<CloudResource>();
        foreach (var root in resources.GroupBy(r => r.Scope, StringComparer.Ordinal))
        {
            var scope = new IacScope(root.ToList(), NameAttributes);
            foreach (var r in scope.Resources)
            {
                if (ByType.TryGetValue(r.Type, out var mapping) && mapping.Map(r, scope) is { } mapped) result.Add(mapped);
            }
        }
        return result;
    }
}
