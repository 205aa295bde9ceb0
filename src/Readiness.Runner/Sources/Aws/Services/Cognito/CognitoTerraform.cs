using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_cognito_user_pool.</summary>
public sealed class CognitoTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_cognito_user_pool"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        return new UserPool
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            MfaConfiguration = IacValue.String(b, "mfa_configuration", UserPool.Defaults.MfaConfiguration),
            MinimumPasswordLength = IacValue.Int(b.Block("password_policy"), "minimum_length", UserPool.Defaults.MinimumPasswordLength),
            AdvancedSecurityMode = IacValue.String(b.Block("user_pool_add_ons"), "advanced_security_mode", UserPool.Defaults.AdvancedSecurityMode),
        };
    }
}
