using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_elb (classic load balancer) with its listeners, access logs and the TLS policy of each HTTPS or SSL listener:
/// an aws_load_balancer_policy of SSLNegotiationPolicyType named by the port's aws_load_balancer_listener_policy, or
/// an aws_lb_ssl_negotiation_policy on the port.
/// </summary>
public sealed class ElbTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_elb"];

    public IReadOnlyList<string> NameAttributes => ["name"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var policies = scope.Companions(r, "aws_load_balancer_policy", "load_balancer_name");
        var listenerPolicies = scope.Companions(r, "aws_load_balancer_listener_policy", "load_balancer_name");
        var negotiations = scope.Companions(r, "aws_lb_ssl_negotiation_policy", "load_balancer");
        var listeners = b.Blocks("listener").Select(l =>
        {
            var protocol = (IacValues.AsString(l.Get("lb_protocol")) ?? Listener.Defaults.Protocol).ToUpperInvariant();
            var port = (int)(IacValues.AsNumber(l.Get("lb_port")) ?? 0);
            return new Listener
            {
                Protocol = protocol,
                Port = port,
                SslPolicy = protocol is "HTTPS" or "SSL" ? TlsPolicy(port, policies, listenerPolicies, negotiations) : (string?)null,
                Line = l.Line,
            };
        }).ToList();
        var isInternal = IacValue.Bool(b, "internal", !LoadBalancer.Defaults.InternetFacing);
        var logs = b.Block("access_logs");
        return new LoadBalancer
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            LoadBalancerType = LoadBalancer.Classic,
            InternetFacing = (isInternal.IsKnown ? !isInternal.Known : Value<bool>.Unresolved(isInternal.Expression!)).From(isInternal.Origin),
            Listeners = listeners,
            SecurityGroups = IacValue.StringsAt(b, "security_groups"),
            AccessLogsEnabled = logs is null ? LoadBalancer.Defaults.AccessLogsEnabled : IacValue.Bool(logs, "enabled", LoadBalancer.Defaults.ClassicAccessLogBlockEnabled),
        };
    }

    /// <summary>The predefined policy the port's SSL negotiation policy references; the API default when none is attached.</summary>
    private static Value<string?> TlsPolicy(int port, IReadOnlyList<IacResource> policies, IReadOnlyList<IacResource> listenerPolicies, IReadOnlyList<IacResource> negotiations)
    {
        bool OnPort(IacResource p, string attribute) => IacValues.AsNumber(p.Body.Get(attribute)) == port;
        if (negotiations.LastOrDefault(n => OnPort(n, "lb_port")) is { } negotiation)
            return Referenced(negotiation.Body.Blocks("attribute"), "name", "value", IacValues.AsString(negotiation.Body.Get("name")) ?? negotiation.Address);
        if (listenerPolicies.LastOrDefault(p => OnPort(p, "load_balancer_port")) is not { } attached) return Listener.Defaults.SslPolicy;
        var names = attached.Body.Get("policy_names");
        if (!IacValues.IsKnown(names) && IacValue.Strings(names).Count == 0)
            return Value<string?>.Unresolved(IacValue.Text(names)).From(attached.Body.OriginOf("policy_names"));
        foreach (var name in IacValue.Strings(names))
        {
            // A reference (aws_load_balancer_policy.tls.policy_name) names the resource; a literal names its policy_name.
            var policy = policies.FirstOrDefault(p => p.Address == name || IacValues.AsString(p.Body.Get("policy_name")) == name);
            if (policy is null)
            {
                if (name.StartsWith("ELBSecurityPolicy-", StringComparison.Ordinal)) return Value<string?>.Of(name).From(attached.Body.OriginOf("policy_names"));
                continue;
            }
            if (IacValues.AsString(policy.Body.Get("policy_type_name")) != "SSLNegotiationPolicyType") continue;
            return Referenced(policy.Body.Blocks("policy_attribute"), "name", "value", IacValues.AsString(policy.Body.Get("policy_name")) ?? policy.Address);
        }
        return Listener.Defaults.SslPolicy;
    }

    /// <summary>The Reference-Security-Policy attribute where it is set; a custom policy without one is unresolved.</summary>
    internal static Value<string?> Referenced(IEnumerable<IacBody> attributes, string nameKey, string valueKey, string policyName)
    {
        var reference = attributes.LastOrDefault(a => IacValues.AsString(a.Get(nameKey)) == "Reference-Security-Policy");
        if (reference is null) return Value<string?>.Unresolved($"custom SSL negotiation policy {policyName}");
        return IacValue.Optional(reference, valueKey);
    }
}
