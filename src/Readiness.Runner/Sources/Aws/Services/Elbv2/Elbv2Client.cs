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
                    SslPolicy = l.Str("SslPolicy"),
                }));
            }
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            var described = await query.CallAsync(region, "DescribeLoadBalancerAttributes", [new("LoadBalancerArn", arn)], ct).ConfigureAwait(false);
            foreach (var a in described.El("DescribeLoadBalancerAttributesResult").Items("Attributes"))
            {
                if (a.Str("Key") is { } key) attributes[key] = a.Str("Value") ?? "";
            }
            bool Attribute(string key, bool absent) => attributes.TryGetValue(key, out var v) && bool.TryParse(v, out var b) ? b : absent;
            result.Add(new LoadBalancer
            {
                Id = lb.Str("LoadBalancerName") ?? arn,
                Name = lb.Str("LoadBalancerName"),
                LoadBalancerType = lb.Str("Type") ?? "application",
                InternetFacing = lb.Str("Scheme") != "internal",
                Listeners = listeners,
                DropInvalidHeaderFields = Attribute("routing.http.drop_invalid_header_fields.enabled", LoadBalancer.Defaults.DropInvalidHeaderFields),
                DeletionProtection = Attribute("deletion_protection.enabled", LoadBalancer.Defaults.DeletionProtection),
                AccessLogsEnabled = Attribute("access_logs.s3.enabled", LoadBalancer.Defaults.AccessLogsEnabled),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return result;
    }
}
