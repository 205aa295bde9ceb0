using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.Elbv2Client"/> reads a load balancer's attributes and each listener's TLS policy from.</summary>
public sealed class LoadBalancerLiveFields : LiveFields<LoadBalancer>
{
    private const string Attributes = "DescribeLoadBalancerAttributes.Attributes[";

    protected override IReadOnlyDictionary<string, string> For(LoadBalancer lb) => new Dictionary<string, string>
    {
        [nameof(LoadBalancer.InternetFacing)] = "DescribeLoadBalancers.LoadBalancers[].Scheme",
        [nameof(LoadBalancer.DropInvalidHeaderFields)] = Attributes + "routing.http.drop_invalid_header_fields.enabled]",
        [nameof(LoadBalancer.DeletionProtection)] = Attributes + "deletion_protection.enabled]",
        [nameof(LoadBalancer.AccessLogsEnabled)] = Attributes + "access_logs.s3.enabled]",
        [nameof(LoadBalancer.WebAclArn)] = "wafv2:GetWebACLForResource.WebACL.ARN",
        ["Listeners[].SslPolicy"] = "DescribeListeners.Listeners[].SslPolicy",
    };
}
