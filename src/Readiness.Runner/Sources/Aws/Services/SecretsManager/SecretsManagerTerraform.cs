using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_secretsmanager_secret with its aws_secretsmanager_secret_rotation.</summary>
public sealed class SecretsManagerTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_secretsmanager_secret"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var rotation = scope.Companions(r, "aws_secretsmanager_secret_rotation", "secret_id").FirstOrDefault();
        int? days = null;
        if (rotation?.Body.Block("rotation_rules") is { } rules && IacValues.AsNumber(rules.Get("automatically_after_days")) is { } d) days = (int)d;
        return new Secret
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = r.Body.Get("name") as string,
            RotationEnabled = Value<bool>.Of(rotation is not null || Secret.Defaults.RotationEnabled).From(IacScope.NearOrigin(r, rotation)),
            RotationIntervalDays = days,
        };
    }
}
