using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_kms_key, with the aws_kms_key_policy that replaces its policy.</summary>
public sealed class KmsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_kms_key"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        // A separate aws_kms_key_policy wins over the key's own policy argument.
        var policyOwner = scope.Companions(r, "aws_kms_key_policy", "key_id").LastOrDefault()?.Body ?? b;
        return new KmsKey
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            KeySpec = IacValue.String(b, "customer_master_key_spec", KmsKey.Defaults.KeySpec),
            RotationEnabled = IacValue.Bool(b, "enable_key_rotation", KmsKey.Defaults.RotationEnabled),
            Policy = IacPolicy.Read(policyOwner, "policy", scope).From(policyOwner.OriginOf("policy")),
        };
    }
}
