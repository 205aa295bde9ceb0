using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::SecretsManager::Secret with its RotationSchedule.</summary>
public sealed class SecretsManagerCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::SecretsManager::Secret"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var rotation = scope.Companions(r, "AWS::SecretsManager::RotationSchedule", "SecretId").FirstOrDefault();
        var days = IacValues.AsNumber(rotation?.Body.Block("RotationRules")?.Get("AutomaticallyAfterDays"));
        return new Secret
        {
            Id = IacScope.IdOf(r, "Name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = r.Body.Get("Name") as string,
            RotationEnabled = Value<bool>.Of(rotation is not null || Secret.Defaults.RotationEnabled).From(IacScope.NearOrigin(r, rotation)),
            RotationIntervalDays = days is { } d ? (int)d : null,
        };
    }
}
