using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_ebs_volume; aws_instance and aws_launch_template with their block devices and metadata options.</summary>
public sealed class EbsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_ebs_volume", "aws_instance", "aws_launch_template"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var byDefault = EncryptedByDefault(scope);
        if (r.Type == "aws_ebs_volume")
        {
            return new EbsVolume
            {
                Id = r.Address,
                Provenance = IacScope.Provenance(r),
                Tags = IacTags.Terraform(r),
                Encrypted = Encrypted(r.Body, "encrypted", byDefault),
            };
        }
        var b = r.Body;
        var devices = new List<BlockDevice>();
        if (r.Type == "aws_instance")
        {
            devices.AddRange(b.Blocks("root_block_device").Select(d => new BlockDevice { DeviceName = "root", IsRoot = true, Encrypted = Encrypted(d, "encrypted", byDefault), Line = d.Line }));
            devices.AddRange(b.Blocks("ebs_block_device").Select(d => new BlockDevice { DeviceName = d.Get("device_name") as string, Encrypted = Encrypted(d, "encrypted", byDefault), Line = d.Line }));
        }
        else
        {
            devices.AddRange(b.Blocks("block_device_mappings").Where(m => m.Block("ebs") is not null)
                .Select(m => new BlockDevice { DeviceName = m.Get("device_name") as string, Encrypted = Encrypted(m.Block("ebs"), "encrypted", byDefault), Line = m.Line }));
        }
        var metadata = b.Block("metadata_options");
        // An instance launched from a template without its own metadata_options takes the template's.
        var fromTemplate = r.Type == "aws_instance" && metadata is null && b.Block("launch_template") is not null;
        return new Ec2Instance
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            IsLaunchTemplate = r.Type == "aws_launch_template",
            BlockDevices = devices,
            HttpTokens = fromTemplate ? (string?)null : IacValue.Optional(metadata, "http_tokens") is { IsKnown: true, Known: null } ? RequiredByAmi(r, scope) ?? Ec2Instance.Defaults.HttpTokens : IacValue.Optional(metadata, "http_tokens"),
            HttpEndpoint = IacValue.String(metadata, "http_endpoint", Ec2Instance.Defaults.HttpEndpoint),
        };
    }

    /// <summary>
    /// "required", set at the ami line, when the instance boots an Amazon Linux 2023 AMI: AWS registers those with
    /// ImdsSupport v2.0, so an instance launched from one requires IMDSv2 unless metadata_options say otherwise. The AMI
    /// is known from AWS's public SSM parameter (/aws/service/ami-amazon-linux-latest/al2023-ami-...) or an aws_ami
    /// lookup whose name filter asks for al2023-ami; any other AMI keeps AWS's default (IMDSv1 allowed).
    /// </summary>
    private static Value<string?>? RequiredByAmi(IacResource r, IacScope scope)
    {
        if (r.Type != "aws_instance" || r.Body.Get("ami") is not IacUnknown { Reference: { } reference }
            || scope.ByAddress(reference) is not { IsData: true } source) return null;
        IEnumerable<string> names = source.Type switch
        {
            "aws_ssm_parameter" => IacValue.Strings(source.Body.Get("name")),
            "aws_ami" => source.Body.Blocks("filter").Where(f => f.Get("name") is "name").SelectMany(f => IacValue.Strings(f.Get("values"))),
            _ => [],
        };
        if (!names.Any(n => n.Contains("al2023-ami", StringComparison.Ordinal))) return null;
        return Value<string?>.Of("required").From(r.Body.OriginOf("ami") ?? ValueOrigin.InFile(r.File, r.Line));
    }

    /// <summary>The attribute, or true (set where the account setting is declared) when the same root turns EBS encryption by default on.</summary>
    private static Value<bool> Encrypted(IacBody? body, string attribute, Value<bool>? byDefault)
    {
        var value = IacValue.Bool(body, attribute, EbsVolume.Defaults.Encrypted);
        return value is { IsKnown: true, Known: false } && byDefault is { } on ? on : value;
    }

    /// <summary>aws_ebs_encryption_by_default declared on in this root, as a value set at its line; null otherwise.</summary>
    private static Value<bool>? EncryptedByDefault(IacScope scope)
    {
        var setting = scope.Resources.FirstOrDefault(s => s.Type == "aws_ebs_encryption_by_default" && !s.IsData
            && IacValue.Bool(s.Body, "enabled", AccountSettings.Defaults.EbsEncryptionByDefault) is { IsKnown: true, Known: true });
        return setting is null ? null : Value<bool>.Of(true).From(ValueOrigin.InFile(setting.File, setting.Line));
    }
}
