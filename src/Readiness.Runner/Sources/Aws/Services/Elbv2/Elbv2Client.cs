using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface IElbv2Client
{
    /// <summary>Load balancers with their listeners, attributes and tags; the WAF association is joined by Wafv2Collector.</summary>
    Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(string account, string region, CancellationToken ct);
}

/// <summary>
/// Elastic Load Balancing v2 (API 2015-12-01). Calls: one DescribeLoadBalancers page per 400 balancers, one
/// DescribeTags per 20 (the API's batch size), and per balancer DescribeListeners and DescribeLoadBalancerAttributes
/// (AWS has no batch form of either).
/// </summary>
public sealed class Elbv2Client(AwsSession session) : IElbv2Client
{
    private const int TagBatch = 20;
    private readonly QueryProtocol query = new(session, "elbv2", "elasticloadbalancing", "2015-12-01");

    private static string? NextMarker(XElement page) => page.Elements().First().Str("NextMarker");

    public async Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(string account, string region, CancellationToken ct)
    {
        var found = new List<XElement>();
        await foreach (var page in query.PagesAsync(region, "DescribeLoadBalancers", [new("PageSize", "400")], "Marker", NextMarker, ct, items: "DescribeLoadBalancersResult/LoadBalancers").ConfigureAwait(false))
            found.AddRange(page.El("DescribeLoadBalancersResult").Items("LoadBalancers"));

        var tags = await TagsAsync(region, found.Select(lb => lb.Str("LoadBalancerArn")!).ToList(), ct).ConfigureAwait(false);
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
                    // Only HTTPS and TLS listeners negotiate TLS; moto reports its default policy on HTTP ones too.
                    SslPolicy = l.Str("Protocol") is "HTTPS" or "TLS" ? l.Str("SslPolicy") : null,
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
                DnsName = lb.Str("DNSName"),
                SecurityGroups = lb.Items("SecurityGroups").Select(g => Value<string>.Of(g.Value)).ToList(),
                Tags = tags.GetValueOrDefault(arn) ?? new Dictionary<string, string>(),
                Listeners = listeners,
                DropInvalidHeaderFields = Attribute("routing.http.drop_invalid_header_fields.enabled", LoadBalancer.Defaults.DropInvalidHeaderFields),
                DeletionProtection = Attribute("deletion_protection.enabled", LoadBalancer.Defaults.DeletionProtection),
                AccessLogsEnabled = Attribute("access_logs.s3.enabled", LoadBalancer.Defaults.AccessLogsEnabled),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return result;
    }

    private async Task<Dictionary<string, Dictionary<string, string>>> TagsAsync(string region, List<string> arns, CancellationToken ct)
    {
        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var batch in arns.Chunk(TagBatch))
        {
            var answer = await query.CallAsync(region, "DescribeTags", batch.Select((a, i) => new KeyValuePair<string, string>($"ResourceArns.member.{i + 1}", a)), ct,
                items: "DescribeTagsResult/TagDescriptions").ConfigureAwait(false);
            foreach (var d in answer.El("DescribeTagsResult").Items("TagDescriptions"))
            {
                if (d.Str("ResourceArn") is { } arn)
                    tags[arn] = AwsData.Tags(d.Items("Tags").Select(t => (t.Str("Key"), t.Str("Value") ?? "")));
            }
        }
        return tags;
    }
}
