using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface IElbClient
{
    /// <summary>The classic load balancers of a region with their listeners, TLS policies, access logs and tags.</summary>
    Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(string account, string region, CancellationToken ct);
}

/// <summary>
/// Classic Elastic Load Balancing (API 2012-06-01). Calls: one DescribeLoadBalancers page per 400 balancers, one
/// DescribeTags per 20 (the API's batch size), and per balancer DescribeLoadBalancerAttributes, plus
/// DescribeLoadBalancerPolicies for a balancer with an HTTPS or SSL listener (AWS has no batch form of either).
/// </summary>
public sealed class ElbClient(AwsSession session) : IElbClient
{
    private const int TagBatch = 20;
    private readonly QueryProtocol query = new(session, "elb", "elasticloadbalancing", "2012-06-01");

    public async Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(string account, string region, CancellationToken ct)
    {
        var found = new List<XElement>();
        await foreach (var page in query.PagesAsync(region, "DescribeLoadBalancers", [new("PageSize", "400")], "Marker",
            p => p.El("DescribeLoadBalancersResult").Str("NextMarker"), ct, items: "DescribeLoadBalancersResult/LoadBalancerDescriptions").ConfigureAwait(false))
            found.AddRange(page.El("DescribeLoadBalancersResult").Items("LoadBalancerDescriptions"));

        var names = found.Select(lb => lb.Str("LoadBalancerName")!).ToList();
        var tags = await TagsAsync(region, names, ct).ConfigureAwait(false);
        var result = new List<LoadBalancer>();
        foreach (var lb in found)
        {
            var name = lb.Str("LoadBalancerName")!;
            var descriptions = lb.Items("ListenerDescriptions").ToList();
            var encrypted = descriptions.Any(d => d.El("Listener").Str("Protocol")?.ToUpperInvariant() is "HTTPS" or "SSL");
            var policies = encrypted ? await PoliciesAsync(region, name, ct).ConfigureAwait(false) : [];
            var listeners = descriptions.Select(d =>
            {
                var listener = d.El("Listener");
                var protocol = (listener.Str("Protocol") ?? Listener.Defaults.Protocol).ToUpperInvariant();
                return new Listener
                {
                    Protocol = protocol,
                    Port = listener.Int("LoadBalancerPort") ?? 0,
                    SslPolicy = protocol is "HTTPS" or "SSL" ? TlsPolicy(d.Items("PolicyNames").Select(p => p.Value), policies) : (string?)null,
                };
            }).ToList();
            var attributes = await query.CallAsync(region, "DescribeLoadBalancerAttributes", [new("LoadBalancerName", name)], ct).ConfigureAwait(false);
            var accessLog = attributes.Path("DescribeLoadBalancerAttributesResult", "LoadBalancerAttributes", "AccessLog");
            result.Add(new LoadBalancer
            {
                Id = name,
                Name = name,
                LoadBalancerType = LoadBalancer.Classic,
                InternetFacing = lb.Str("Scheme") != "internal",
                DnsName = lb.Str("DNSName"),
                SecurityGroups = lb.Items("SecurityGroups").Select(g => Value<string>.Of(g.Value)).ToList(),
                Listeners = listeners,
                AccessLogsEnabled = accessLog.Bool("Enabled", LoadBalancer.Defaults.AccessLogsEnabled),
                Tags = tags.GetValueOrDefault(name) ?? new Dictionary<string, string>(),
                Provenance = Ec2Client.Live(account, region, $"arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/{name}"),
            });
        }
        return result;
    }

    /// <summary>Each SSL negotiation policy of the balancer: its name and the predefined policy it references (null for a custom one).</summary>
    private async Task<Dictionary<string, string?>> PoliciesAsync(string region, string name, CancellationToken ct)
    {
        var answer = await query.CallAsync(region, "DescribeLoadBalancerPolicies", [new("LoadBalancerName", name)], ct,
            items: "DescribeLoadBalancerPoliciesResult/PolicyDescriptions").ConfigureAwait(false);
        return answer.El("DescribeLoadBalancerPoliciesResult").Items("PolicyDescriptions")
            .Where(p => p.Str("PolicyTypeName") == "SSLNegotiationPolicyType" && p.Str("PolicyName") is not null)
            .ToDictionary(p => p.Str("PolicyName")!, p => p.Items("PolicyAttributeDescriptions")
                .FirstOrDefault(a => a.Str("AttributeName") == "Reference-Security-Policy").Str("AttributeValue"), StringComparer.Ordinal);
    }

    private static Value<string?> TlsPolicy(IEnumerable<string> listenerPolicies, Dictionary<string, string?> policies)
    {
        foreach (var name in listenerPolicies)
        {
            if (!policies.TryGetValue(name, out var reference)) continue;
            if (reference is not null) return reference;
            // A policy AWS created from a predefined one carries its name; otherwise it lists protocols and ciphers itself.
            return name.StartsWith("ELBSecurityPolicy-", StringComparison.Ordinal) ? name : Value<string?>.Unresolved($"custom SSL negotiation policy {name}");
        }
        return Listener.Defaults.SslPolicy;
    }

    private async Task<Dictionary<string, Dictionary<string, string>>> TagsAsync(string region, List<string> names, CancellationToken ct)
    {
        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var batch in names.Chunk(TagBatch))
        {
            var answer = await query.CallAsync(region, "DescribeTags", batch.Select((n, i) => new KeyValuePair<string, string>($"LoadBalancerNames.member.{i + 1}", n)), ct,
                items: "DescribeTagsResult/TagDescriptions").ConfigureAwait(false);
            foreach (var d in answer.El("DescribeTagsResult").Items("TagDescriptions"))
            {
                if (d.Str("LoadBalancerName") is { } name)
                    tags[name] = AwsData.Tags(d.Items("Tags").Select(t => (t.Str("Key"), t.Str("Value") ?? "")));
            }
        }
        return tags;
    }
}
