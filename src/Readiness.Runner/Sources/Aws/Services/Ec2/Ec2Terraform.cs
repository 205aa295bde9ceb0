using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_security_group with its inline ingress and its companion rules (aws_security_group_rule,
/// aws_vpc_security_group_ingress_rule); aws_vpc with its aws_flow_log.
/// </summary>
public sealed class Ec2Terraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_security_group", "aws_vpc", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type switch
    {
        "aws_vpc" => Vpc(r, scope),
        "aws_security_group" => SecurityGroup(r, scope),
        _ => scope.DeclaresOwner(r.Body.Get("security_group_id"), "aws_security_group") ? null : Orphan(r),
    };

    /// <summary>A rule of an undeclared group: a group record of its own, named by the rule's address so it never links to a live group.</summary>
    private static SecurityGroup? Orphan(IacResource rule)
    {
        if (rule.Type == "aws_security_group_rule" && rule.Body.Get("type") is string type && type != "ingress") return null;
        return new SecurityGroup
        {
            Id = rule.Address,
            Provenance = IacScope.Provenance(rule),
            Tags = IacTags.Terraform(rule),
            Ingress = [rule.Type == "aws_security_group_rule" ? Ingress(rule.Body, rule.Line, rule.Address) : VpcIngress(rule.Body, rule.Line, rule.Address)],
        };
    }

    private static SecurityGroup SecurityGroup(IacResource r, IacScope scope)
    {
        var ingress = new List<IngressRule>();
        foreach (var block in r.Body.Blocks("ingress")) ingress.Add(Ingress(block, block.Line, null));
        foreach (var rule in scope.Companions(r, "aws_security_group_rule", "security_group_id"))
        {
            if (rule.Body.Get("type") is string type && type != "ingress") continue;
            ingress.Add(Ingress(rule.Body, IacScope.Near(r, rule), rule.Address));
        }
        foreach (var rule in scope.Companions(r, "aws_vpc_security_group_ingress_rule", "security_group_id"))
            ingress.Add(VpcIngress(rule.Body, IacScope.Near(r, rule), rule.Address));
        return new SecurityGroup
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = r.Body.Get("name") as string,
            VpcId = IacValue.KeyOf(r.Body.Get("vpc_id")),
            Ingress = ingress,
        };
    }

    private static IngressRule VpcIngress(IacBody b, int line, string? address)
    {
        var sources = new List<Value<string>>();
        foreach (var attribute in new[] { "cidr_ipv4", "cidr_ipv6" })
        {
            if (b.Get(attribute) is { } v) sources.Add(IacValue.String(v, ""));
        }
        return Permission(b, "ip_protocol", sources, line, address);
    }

    private static IngressRule Ingress(IacBody b, int line, string? address) =>
        Permission(b, "protocol", IacValue.StringValues(b.Get("cidr_blocks")).Concat(IacValue.StringValues(b.Get("ipv6_cidr_blocks"))).ToList(), line, address);

    private static IngressRule Permission(IacBody b, string protocolAttribute, IReadOnlyList<Value<string>> sources, int line, string? address)
    {
        var protocol = IacValues.AsString(b.Get(protocolAttribute)) ?? IngressRule.Defaults.Protocol;
        var all = protocol is "-1" or "all";
        return new IngressRule
        {
            Protocol = all ? "-1" : protocol,
            FromPort = all ? 0 : IacValue.Int(b.Get("from_port"), IngressRule.Defaults.FromPort),
            ToPort = all ? 65535 : IacValue.Int(b.Get("to_port"), IngressRule.Defaults.ToPort),
            Sources = sources,
            Description = b.Get("description") as string,
            Line = line,
            Address = address,
        };
    }

    private static Vpc Vpc(IacResource r, IacScope scope)
    {
        var flowLog = scope.Companions(r, "aws_flow_log", "vpc_id").FirstOrDefault();
        return new Vpc
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            FlowLogsEnabled = Value<bool>.Of(flowLog is not null || Rules.Model.Cloud.Vpc.Defaults.FlowLogsEnabled).From(IacScope.NearOrigin(r, flowLog)),
        };
    }
}
