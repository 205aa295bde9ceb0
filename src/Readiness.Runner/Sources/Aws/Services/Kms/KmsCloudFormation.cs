using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::KMS::Key.</summary>
public sealed class KmsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::KMS::Key"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        return new KmsKey
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            KeySpec = IacValue.String(b, "KeySpec", KmsKey.Defaults.KeySpec),
            RotationEnabled = IacValue.Bool(b, "EnableKeyRotation", KmsKey.Defaults.RotationEnabled),
            Policy = (b.Get("KeyPolicy") is { } policy ? IacPolicy.FromObject(policy, "KeyPolicy") : (PolicyDocument?)null).From(b.OriginOf("KeyPolicy")),
        };
    }
}
