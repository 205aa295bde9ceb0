using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::Cognito::UserPool.</summary>
public sealed class CognitoCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::Cognito::UserPool"];
    public IReadOnlyList<string> NameAttributes => ["UserPoolName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        return new UserPool
        {
            Id = IacScope.IdOf(r, "UserPoolName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = b.Get("UserPoolName") as string,
            MfaConfiguration = IacValue.String(b, "MfaConfiguration", UserPool.Defaults.MfaConfiguration),
            MinimumPasswordLength = IacValue.Int(b.Block("Policies")?.Block("PasswordPolicy"), "MinimumLength", UserPool.Defaults.MinimumPasswordLength),
            AdvancedSecurityMode = IacValue.String(b.Block("UserPoolAddOns"), "AdvancedSecurityMode", UserPool.Defaults.AdvancedSecurityMode),
        };
    }
}
