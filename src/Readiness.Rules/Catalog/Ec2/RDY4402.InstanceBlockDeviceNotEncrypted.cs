using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ec2;

/// <summary>A root or data device of an instance or launch template declared without encryption.</summary>
public sealed class InstanceBlockDeviceNotEncrypted : ResourceRule<Ec2Instance>
{
    public override IEnumerable<Finding> Check(Ec2Instance instance, RuleContext context)
    {
        var kind = instance.IsLaunchTemplate ? "Launch template" : "EC2 instance";
        foreach (var device in instance.BlockDevices)
        {
            var name = device.IsRoot ? "root device" : $"device {device.DeviceName ?? "?"}";
            if (!device.Encrypted.IsKnown)
            {
                yield return context.Undecided(instance, nameof(Ec2Instance.BlockDevices), device.Encrypted.Expression, $"encrypts its {name}") with
                { Location = instance.LocationOf(device.Encrypted, nameof(Ec2Instance.BlockDevices)), FingerprintKey = "undecided:device:" + name };
                continue;
            }
            if (device.Encrypted.Known) continue;
            yield return context.OnResource(instance,
                $"{kind} {instance.DisplayName} declares its {name} without encryption; set encrypted = true (with a KMS key) on it, or turn on EBS encryption by default.",
                nameof(Ec2Instance.BlockDevices), fingerprintKey: "device:" + name, value: device.Encrypted).At(device.Encrypted.Origin is null ? device.Line : 0);
        }
    }
}
