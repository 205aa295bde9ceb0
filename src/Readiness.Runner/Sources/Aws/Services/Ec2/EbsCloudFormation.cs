using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// AWS::EC2::Volume; AWS::EC2::Instance and AWS::EC2::LaunchTemplate with their block device mappings and metadata
/// options (an instance sets metadata options only through a launch template).
/// </summary>
public sealed class EbsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        if (r.Type == "AWS::EC2::Volume")
        {
            return new EbsVolume
            {
                Id = r.Address,
                Provenance = IacScope.Provenance(r),
                Tags = IacTags.CloudFormation(r),
                Encrypted = IacValue.Bool(b, "Encrypted", EbsVolume.Defaults.Encrypted),
            };
        }
        var isTemplate = r.Type == "AWS::EC2::LaunchTemplate";
        var data = isTemplate ? b.Block("LaunchTemplateData") : b;
        var devices = (data?.Blocks("BlockDeviceMappings") ?? []).Where(m => m.Block("Ebs") is not null)
            .Select(m => new BlockDevice { DeviceName = m.Get("DeviceName") as string, Encrypted = IacValue.Bool(m.Block("Ebs"), "Encrypted", EbsVolume.Defaults.Encrypted), Line = m.Line })
            .ToList();
        var metadata = isTemplate ? data?.Block("MetadataOptions") : null;
        return new Ec2Instance
        {
            Id = IacScope.IdOf(r, "LaunchTemplateName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            IsLaunchTemplate = isTemplate,
            BlockDevices = devices,
            // An instance with a LaunchTemplate takes the template's metadata options, judged there.
            HttpTokens = !isTemplate && b.Get("LaunchTemplate") is not null ? (string?)null
                : IacValue.Optional(metadata, "HttpTokens") is { IsKnown: true, Known: null } ? Ec2Instance.Defaults.HttpTokens : IacValue.Optional(metadata, "HttpTokens"),
            HttpEndpoint = IacValue.String(metadata, "HttpEndpoint", Ec2Instance.Defaults.HttpEndpoint),
        };
    }
}
