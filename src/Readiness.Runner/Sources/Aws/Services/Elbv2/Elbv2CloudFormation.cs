using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::ElasticLoadBalancingV2::LoadBalancer with its listeners and WAF association.</summary>
public sealed class Elbv2CloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::ElasticLoadBalancingV2::LoadBalancer"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var listeners = scope.Companions(r, "AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn").Select(l =>
        {
            var action = l.Body.Blocks("DefaultActions").FirstOrDefault();
            return new Listener
            {
                Protocol = IacValues.AsString(l.Body.Get("Protocol")) ?? Listener.Defaults.Protocol,
                Port = (int)(IacValues.AsNumber(l.Body.Get("Port")) ?? 0),
                RedirectsToHttps = action?.Get("Type") as string == "redirect"
                    && IacValues.AsString(action.Block("RedirectConfig")?.Get("Protocol")) is "HTTPS" or "#{protocol}" or null,
                SslPolicy = Elbv2Terraform.SslPolicy(IacValues.AsString(l.Body.Get("Protocol")), l.Body, "SslPolicy"),
                Line = IacScope.Near(r, l),
            };
        }).ToList();
        var scheme = IacValue.String(b, "Scheme", LoadBalancer.Defaults.InternetFacing ? "internet-facing" : "internal");
        var acl = scope.Companions(r, "AWS::WAFv2::WebACLAssociation", "ResourceArn").FirstOrDefault();
        return new LoadBalancer
        {
            Id = IacScope.IdOf(r, "Name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = b.Get("Name") as string,
            LoadBalancerType = b.Get("Type") as string ?? LoadBalancer.Defaults.LoadBalancerType,
            InternetFacing = (scheme.IsKnown ? scheme.Known == "internet-facing" : Value<bool>.Unresolved(scheme.Expression!)).From(scheme.Origin),
            Listeners = listeners,
            SecurityGroups = IacValue.StringsAt(b, "SecurityGroups"),
            DropInvalidHeaderFields = Attribute(b, "routing.http.drop_invalid_header_fields.enabled", LoadBalancer.Defaults.DropInvalidHeaderFields),
            DeletionProtection = Attribute(b, "deletion_protection.enabled", LoadBalancer.Defaults.DeletionProtection),
            AccessLogsEnabled = Attribute(b, "access_logs.s3.enabled", LoadBalancer.Defaults.AccessLogsEnabled),
            WebAclArn = acl is null ? (string?)null : IacValue.Reference(acl.Body.Get("WebACLArn")),
        };
    }

    /// <summary>One LoadBalancerAttributes entry (Key/Value, values are strings), read where its Value is set.</summary>
    private static Value<bool> Attribute(IacBody b, string key, bool absent)
    {
        var entry = b.Blocks("LoadBalancerAttributes").LastOrDefault(a => IacValues.AsString(a.Get("Key")) == key);
        return entry is null ? absent : IacValue.Bool(entry, "Value", absent);
    }
}
