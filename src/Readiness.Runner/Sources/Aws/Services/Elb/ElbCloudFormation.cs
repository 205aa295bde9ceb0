using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::ElasticLoadBalancing::LoadBalancer (classic), whose listeners, policies and access logging are its own properties.</summary>
public sealed class ElbCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::ElasticLoadBalancing::LoadBalancer"];

    public IReadOnlyList<string> NameAttributes => ["LoadBalancerName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var policies = b.Blocks("Policies").ToList();
        var listeners = b.Blocks("Listeners").Select(l =>
        {
            var protocol = (IacValues.AsString(l.Get("Protocol")) ?? Listener.Defaults.Protocol).ToUpperInvariant();
            return new Listener
            {
                Protocol = protocol,
                Port = (int)(IacValues.AsNumber(l.Get("LoadBalancerPort")) ?? 0),
                SslPolicy = protocol is "HTTPS" or "SSL" ? TlsPolicy(l, policies) : (string?)null,
                Line = l.Line,
            };
        }).ToList();
        var scheme = IacValue.String(b, "Scheme", LoadBalancer.Defaults.InternetFacing ? "internet-facing" : "internal");
        var logs = b.Block("AccessLoggingPolicy");
        return new LoadBalancer
        {
            Id = IacScope.IdOf(r, "LoadBalancerName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = b.Get("LoadBalancerName") as string,
            LoadBalancerType = LoadBalancer.Classic,
            InternetFacing = (scheme.IsKnown ? scheme.Known == "internet-facing" : Value<bool>.Unresolved(scheme.Expression!)).From(scheme.Origin),
            Listeners = listeners,
            SecurityGroups = IacValue.StringsAt(b, "SecurityGroups"),
            // Enabled is required in AccessLoggingPolicy; a block without it is taken as off, as the API would reject it.
            AccessLogsEnabled = logs is null ? LoadBalancer.Defaults.AccessLogsEnabled : IacValue.Bool(logs, "Enabled", LoadBalancer.Defaults.AccessLogsEnabled),
        };
    }

    /// <summary>The SSL negotiation policy among the listener's PolicyNames; the API default when it names none.</summary>
    private static Value<string?> TlsPolicy(IacBody listener, List<IacBody> policies)
    {
        var names = listener.Get("PolicyNames");
        if (!IacValues.IsKnown(names) && IacValue.Strings(names).Count == 0)
            return Value<string?>.Unresolved(IacValue.Text(names)).From(listener.OriginOf("PolicyNames"));
        foreach (var name in IacValue.Strings(names))
        {
            var policy = policies.FirstOrDefault(p => IacValues.AsString(p.Get("PolicyName")) == name);
            if (policy is null)
            {
                if (name.StartsWith("ELBSecurityPolicy-", StringComparison.Ordinal)) return Value<string?>.Of(name).From(listener.OriginOf("PolicyNames"));
                continue;
            }
            if (IacValues.AsString(policy.Get("PolicyType")) != "SSLNegotiationPolicyType") continue;
            return ElbTerraform.Referenced(policy.Blocks("Attributes"), "Name", "Value", name);
        }
        return Listener.Defaults.SslPolicy;
    }
}
