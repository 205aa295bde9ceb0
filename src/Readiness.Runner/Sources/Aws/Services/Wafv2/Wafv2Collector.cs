using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// The regional web ACLs of one region, joined with the v2 load balancers read before them (<see cref="After"/>): each
/// ACL lists the balancers it protects and each balancer names its ACL, or stays undecided when WAF could not be read.
/// CloudFront's ACLs (scope CLOUDFRONT) are read by <see cref="CloudFrontCollector"/>, the only service they protect.
/// </summary>
public sealed class Wafv2Collector : ILiveReader
{
    public string Service => "wafv2";
    public bool IsGlobal => false;
    public IReadOnlyList<string> After => ["elbv2"];

    public async Task ReadAsync(LiveScope scope, CancellationToken ct)
    {
        var waf = new Wafv2Client(scope.Session);
        var balancers = scope.Collected<LoadBalancer>().Where(b => b.LoadBalancerType != LoadBalancer.Classic).ToList();
        var acls = new List<WebAcl>();
        var aclOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = await scope.ReadAsync(Service, async () =>
        {
            acls.AddRange(await waf.ListWebAclsAsync(scope.Account, scope.Region, "REGIONAL", ct).ConfigureAwait(false));
            await AssociationsAsync(waf, scope.Region, acls, balancers, aclOf, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        foreach (var acl in acls)
            scope.Add(acl with { AssociatedResources = aclOf.Where(p => p.Value == acl.Provenance.Arn).Select(p => p.Key).Order(StringComparer.Ordinal).ToList() });
        scope.Update<LoadBalancer>(lb => lb.LoadBalancerType == LoadBalancer.Classic ? lb : lb with
        {
            WebAclArn = read ? aclOf.GetValueOrDefault(lb.Provenance.Arn!) : Value<string?>.Unresolved("wafv2 could not be read"),
        });
    }

    /// <summary>
    /// Which ACL protects each load balancer: ListResourcesForWebACL per ACL (one call per ACL), or, where the
    /// endpoint does not implement it, GetWebACLForResource per application load balancer.
    /// </summary>
    private static async Task AssociationsAsync(IWafv2Client waf, string region, List<WebAcl> acls, List<LoadBalancer> balancers, Dictionary<string, string> aclOf, CancellationToken ct)
    {
        try
        {
            foreach (var acl in acls)
            {
                foreach (var arn in await waf.ListResourcesForWebAclAsync(region, acl.Provenance.Arn!, "APPLICATION_LOAD_BALANCER", ct).ConfigureAwait(false))
                    aclOf[arn] = acl.Provenance.Arn!;
            }
        }
        catch (AwsCallException e) when (e.Failure == AwsFailure.Error && e.Code is "InvalidAction" or "UnknownOperationException" or "NotImplemented" or "HTTP 404")
        {
            aclOf.Clear();
            foreach (var lb in balancers.Where(b => b.LoadBalancerType == "application"))
            {
                if (await waf.GetWebAclForResourceAsync(region, lb.Provenance.Arn!, ct).ConfigureAwait(false) is { } acl) aclOf[lb.Provenance.Arn!] = acl;
            }
        }
    }
}
