using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// Sets <see cref="CloudResource.Definition"/> on live resources whose IaC definition is in the scan, so their
/// findings point at the .tf or template line and drift rules can compare the two. A match must be unambiguous:
/// the CloudFormation logical-id tag, the Terraform state's address for the live id or ARN, or the same natural
/// identifier (DB identifier, secret name, group name in the same VPC).
/// </summary>
public static class AwsLinker
{
    public const string LogicalIdTag = "aws:cloudformation:logical-id";

    /// <summary>Links what it can; returns how many live resources were matched.</summary>
    public static int Link(IReadOnlyList<CloudResource> resources, TerraformStateIndex? state = null)
    {
        var code = resources.Where(r => !r.Provenance.IsLive).ToList();
        if (code.Count == 0) return 0;
        var byType = code.GroupBy(r => r.GetType()).ToDictionary(g => g.Key, g => g.ToList());
        var linked = 0;
        foreach (var live in resources.Where(r => r.Provenance.IsLive && r.Definition is null))
        {
            if (!byType.TryGetValue(live.GetType(), out var candidates)) continue;
            var match = Unique(candidates, c => c.Provenance.Origin == Origin.CloudFormation
                    && live.Tags.TryGetValue(LogicalIdTag, out var logicalId) && c.Provenance.Address == logicalId)
                ?? Unique(candidates, c => state is not null && c.Provenance.Address is { } address
                    && (state.AddressOf(live.Id) == address || (live.Provenance.Arn is { } arn && state.AddressOf(arn) == address)))
                ?? Unique(candidates, c => SameIdentifier(c, live));
            if (match is null) continue;
            live.Definition = match;
            linked++;
        }
        return linked;
    }

    private static CloudResource? Unique(List<CloudResource> candidates, Func<CloudResource, bool> test)
    {
        CloudResource? found = null;
        foreach (var c in candidates)
        {
            if (!test(c)) continue;
            if (found is not null) return null;
            found = c;
        }
        return found;
    }

    private static bool SameIdentifier(CloudResource code, CloudResource live) => (code, live) switch
    {
        (SecurityGroup c, SecurityGroup l) => c.Id == l.Id || (c.Name is not null && c.Name == l.Name),
        (Secret c, Secret l) => c.Id == l.Id || (c.Name is not null && c.Name == l.Name),
        (WebAcl c, WebAcl l) => c.Id == l.Id || (c.Name is not null && c.Name == l.Name),
        (UserPool c, UserPool l) => c.Id == l.Id || (c.Name is not null && c.Name == l.Name),
        // A classic and a v2 load balancer may share a name.
        (LoadBalancer c, LoadBalancer l) => c.LoadBalancerType == l.LoadBalancerType && (c.Id == l.Id || (c.Name is not null && c.Name == l.Name)),
        (GatewayApi c, GatewayApi l) => c.Protocol == l.Protocol && c.Id == l.Id, // API names are not unique across REST and HTTP APIs.
        (AccountSettings, AccountSettings) => false,
        _ => code.Id == live.Id,
    };
}
