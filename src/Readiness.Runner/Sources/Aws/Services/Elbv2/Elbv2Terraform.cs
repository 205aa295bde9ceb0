using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_lb / aws_alb with their listeners and WAF association.</summary>
public sealed class Elbv2Terraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_lb", "aws_alb"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var listeners = scope.Companions(r, "aws_lb_listener", "load_balancer_arn")
            .Concat(scope.Companions(r, "aws_alb_listener", "load_balancer_arn"))
            .Select(l =>
            {
                var action = l.Body.Block("default_action");
                var redirect = action?.Block("redirect");
                return new Listener
                {
                    Protocol = IacValues.AsString(l.Body.Get("protocol")) ?? Listener.Defaults.Protocol,
                    Port = (int)(IacValues.AsNumber(l.Body.Get("port")) ?? 0),
                    RedirectsToHttps = action?.Get("type") as string == "redirect" && IacValues.AsString(redirect?.Get("protocol")) is "HTTPS" or null,
                    SslPolicy = SslPolicy(IacValues.AsString(l.Body.Get("protocol")), l.Body, "ssl_policy"),
                    Line = IacScope.Near(r, l),
                };
            })
            .ToList();
        var acl = scope.Companions(r, "aws_wafv2_web_acl_association", "resource_arn").FirstOrDefault();
        var isInternal = IacValue.Bool(b, "internal", !LoadBalancer.Defaults.InternetFacing);
        return new LoadBalancer
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            LoadBalancerType = b.Get("load_balancer_type") as string ?? LoadBalancer.Defaults.LoadBalancerType,
            InternetFacing = (isInternal.IsKnown ? !isInternal.Known : Value<bool>.Unresolved(isInternal.Expression!)).From(isInternal.Origin),
            Listeners = listeners,
            SecurityGroups = IacValue.StringsAt(b, "security_groups"),
            DropInvalidHeaderFields = IacValue.Bool(b, "drop_invalid_header_fields", LoadBalancer.Defaults.DropInvalidHeaderFields),
            DeletionProtection = IacValue.Bool(b, "enable_deletion_protection", LoadBalancer.Defaults.DeletionProtection),
            AccessLogsEnabled = IacValue.Bool(b.Block("access_logs"), "enabled", LoadBalancer.Defaults.AccessLogsEnabled),
            WebAclArn = acl is null ? (string?)null : IacValue.Reference(acl.Body.Get("web_acl_arn")),
        };
    }

    /// <summary>The listener's TLS policy: the API default when an HTTPS or TLS listener names none, null for other protocols.</summary>
    internal static Value<string?> SslPolicy(string? protocol, IacBody listener, string attribute)
    {
        if (protocol is not ("HTTPS" or "TLS")) return (string?)null;
        var policy = IacValue.String(listener, attribute, Listener.Defaults.SslPolicy);
        return (policy.IsKnown ? Value<string?>.Of(policy.Known) : Value<string?>.Unresolved(policy.Expression!)).From(policy.Origin);
    }
}
