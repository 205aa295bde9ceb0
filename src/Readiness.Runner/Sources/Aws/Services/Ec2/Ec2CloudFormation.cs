using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// AWS::EC2::SecurityGroup with inline and AWS::EC2::SecurityGroupIngress rules; AWS::EC2::VPC with its AWS::EC2::FlowLog.
/// An ingress rule of a group the template does not declare (a literal id, a parameter, an import) is judged on its own.
/// </summary>
public sealed class Ec2CloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::EC2::SecurityGroup", "AWS::EC2::VPC", "AWS::EC2::SecurityGroupIngress"];
    public IReadOnlyList<string> NameAttributes => ["GroupName"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type switch
    {
        "AWS::EC2::VPC" => Vpc(r, scope),
        "AWS::EC2::SecurityGroup" => SecurityGroup(r, scope),
        _ => scope.DeclaresOwner(r.Body.Get("GroupId"), "AWS::EC2::SecurityGroup") ? null : new SecurityGroup
        {
            // Named by the rule's logical id so it never links to a live group.
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Ingress = [Ingress(r.Body, r.Line, r.Address)],
        },
    };

    private static SecurityGroup SecurityGroup(IacResource r, IacScope scope)
    {
        var ingress = r.Body.Blocks("SecurityGroupIngress").Select(b => Ingress(b, b.Line, null)).ToList();
        foreach (var rule in scope.Companions(r, "AWS::EC2::SecurityGroupIngress", "GroupId"))
            ingress.Add(Ingress(rule.Body, IacScope.Near(r, rule), rule.Address));
        return new SecurityGroup
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = r.Body.Get("GroupName") as string,
            VpcId = IacValue.KeyOf(r.Body.Get("VpcId")),
            Ingress = ingress,
        };
    }

    private static IngressRule Ingress(IacBody b, int line, string? address)
    {
        var protocol = IacValues.AsString(b.Get("IpProtocol")) ?? IngressRule.Defaults.Protocol;
        var all = protocol is "-1" or "all";
        var sources = new[] { "CidrIp", "CidrIpv6" }.Where(a => b.Get(a) is not null).Select(a => IacValue.String(b.Get(a), "")).ToList();
        return new IngressRule
        {
            Protocol = all ? "-1" : protocol,
            FromPort = all ? 0 : IacValue.Int(b.Get("FromPort"), IngressRule.Defaults.FromPort),
            ToPort = all ? 65535 : IacValue.Int(b.Get("ToPort"), IngressRule.Defaults.ToPort),
            Sources = sources,
            Description = b.Get("Description") as string,
            Line = line,
            Address = address,
        };
    }

    private static Vpc Vpc(IacResource r, IacScope scope)
    {
        var flowLog = scope.Companions(r, "AWS::EC2::FlowLog", "ResourceId").FirstOrDefault();
        return new Vpc
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            FlowLogsEnabled = Value<bool>.Of(flowLog is not null || Rules.Model.Cloud.Vpc.Defaults.FlowLogsEnabled).From(IacScope.NearOrigin(r, flowLog)),
        };
    }
}
