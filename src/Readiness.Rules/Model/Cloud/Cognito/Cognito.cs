namespace Readiness.Rules.Model.Cloud;

// Cognito: user pools. Absent attributes take the defaults written once in Defaults; every source (Terraform,
// CloudFormation, live, inventory) reads them from there.

/// <summary>A Cognito user pool (the sign-in of an application's end users).</summary>
public sealed record UserPool : CloudResource
{
    /// <summary>What Cognito applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string MfaConfiguration = "OFF";
        public const int MinimumPasswordLength = 8;
        public const string AdvancedSecurityMode = "OFF";
    }

    public override string Service => "cognito-idp";
    public override string Type => "userpool";

    public string? Name { get; init; }

    /// <summary>OFF, OPTIONAL (users may enrol) or ON (required).</summary>
    public Value<string> MfaConfiguration { get; init; } = Defaults.MfaConfiguration;
    public Value<int> MinimumPasswordLength { get; init; } = Defaults.MinimumPasswordLength;

    /// <summary>Threat protection (advanced security): OFF, AUDIT or ENFORCED.</summary>
    public Value<string> AdvancedSecurityMode { get; init; } = Defaults.AdvancedSecurityMode;
}
