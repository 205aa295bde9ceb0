using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface IElbv2Client
{
    /// <summary>Load balancers with their listeners; the WAF association is filled by the collector.</summary>
    Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(string account, string region, CancellationToken ct);
}

public sealed class Elbv2Client(AwsSession session) : IElbv2Client
{
    private readonly QueryProtocol query = new(session, "elbv2", "elasticloadbalancing", "2015-12-01");

    private static string? NextMarker(XElement page) => page.Elements().First().Str("NextMarker");

    public async Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(string account, string region, CancellationToken ct)
    {
        var found = new List<XElement>();
        await foreach (var page in query.PagesAsync(region, "DescribeLoadBalancers", [new("PageSize", "400")], "Marker", NextMarker, ct, items: "DescribeLoadBalancersResult/LoadBalancers").ConfigureAwait(false))
            found.AddRange(page.El("DescribeLoadBalancersResult").Items("LoadBalancers"));

        var result = new List<LoadBalancer>();
        foreach (var lb in found)
        {
            var arn = lb.Str("LoadBalancerArn")!;
            var listeners = new List<Listener>();
            await foreach (var page in query.PagesAsync(region, "DescribeListeners", [new("LoadBalancerArn", arn), new("PageSize", "400")], "Marker", NextMarker, ct).ConfigureAwait(false))
            {
                listeners.AddRange(page.El("DescribeListenersResult").Items("Listeners").Select(l => new Listener
                {
                    Protocol = l.Str("Protocol") ?? "HTTP",
                    Port = l.Int("Port") ?? 0,
                    RedirectsToHttps = l.Items("DefaultActions").Any(a =>
                        a.Str("Type") == "redirect" && string.Equals(a.El("RedirectConfig").Str("Protocol"), "HTTPS", StringComparison.OrdinalIgnoreCase)),
                }));
            }
            result.Add(new LoadBalancer
            {
                Id = lb.Str("LoadBalancerName") ?? arn,
                Name = lb.Str("LoadBalancerName"),
                LoadBalancerType = lb.Str("Type") ?? "application",
                InternetFacing = lb.Str("Scheme") != "internal",
                Listeners = listeners,
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return result;
    }
}
