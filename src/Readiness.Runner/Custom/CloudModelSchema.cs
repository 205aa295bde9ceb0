using Readiness.Rules.Custom;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Custom;

/// <summary>
/// The model's schema with the Terraform and CloudFormation type names of the registered mappings as aliases. Which
/// record a type becomes is asked of the mapping itself: it maps an empty resource of that type once, so a new service
/// gets its aliases from its registration line in <see cref="AwsServices"/> and nothing else.
/// </summary>
public static class CloudModelSchema
{
    private static readonly Lazy<ResourceSchema> Built = new(Build);

    public static ResourceSchema Instance => Built.Value;

    private static ResourceSchema Build()
    {
        var aliases = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var service in AwsServices.All)
        {
            if (service.Terraform is { } terraform)
                foreach (var type in terraform.Types) Probe(type, Origin.Terraform, r => terraform.Map(r, new IacScope([r], [])), aliases);
            if (service.CloudFormation is { } cloudFormation)
                foreach (var type in cloudFormation.Types) Probe(type, Origin.CloudFormation, r => cloudFormation.Map(r, new IacScope([r], [])), aliases);
        }
        return new ResourceSchema(aliases);
    }

    private static void Probe(string type, Origin origin, Func<IacResource, CloudResource?> map, Dictionary<string, Type> aliases)
    {
        var resource = new IacResource(type, "probe", type + ".probe", "probe.tf", 1, new ValueIacBody([], 1), origin);
        // A type that only completes another resource (a policy attached to users) maps to nothing and has no alias.
        if (map(resource) is { } record) aliases[type] = record.GetType();
    }
}
