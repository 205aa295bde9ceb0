using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live Cognito user pool weaker than its code: MFA or threat protection lowered, or a shorter minimum password.</summary>
public sealed class UserPoolDrift : ResourceRule<UserPool>
{
    private static readonly string[] Mfa = ["OFF", "OPTIONAL", "ON"];
    private static readonly string[] ThreatProtection = ["OFF", "AUDIT", "ENFORCED"];

    public override IEnumerable<Finding> Check(UserPool live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not UserPool code) yield break;
        foreach (var (attribute, levels, inCode, inLive) in new[]
                 {
                     (nameof(UserPool.MfaConfiguration), Mfa, code.MfaConfiguration, live.MfaConfiguration),
                     (nameof(UserPool.AdvancedSecurityMode), ThreatProtection, code.AdvancedSecurityMode, live.AdvancedSecurityMode),
                 })
        {
            if (!inCode.IsKnown || !inLive.IsKnown) continue;
            var (was, now) = (Level(levels, inCode.Known), Level(levels, inLive.Known));
            if (was < 0 || now < 0 || now >= was) continue;
            yield return context.OnResource(live,
                $"Cognito user pool {live.Name ?? live.DisplayName} has {attribute} = {inLive.Known} in the live account but its code ({code.DisplayName}) says {inCode.Known}; someone lowered it outside the code: {LiveDrift.Fix}.",
                attribute, fingerprintKey: "drift:" + attribute, properties: LiveDrift.Properties(attribute, inCode.Known!, inLive.Known!));
        }
        if (code.MinimumPasswordLength is { IsKnown: true, Known: var codeLength } && live.MinimumPasswordLength is { IsKnown: true, Known: var liveLength } && liveLength < codeLength)
            yield return context.OnResource(live,
                $"Cognito user pool {live.Name ?? live.DisplayName} accepts passwords of {liveLength} characters in the live account but its code ({code.DisplayName}) requires {codeLength}; someone lowered it outside the code: {LiveDrift.Fix}.",
                nameof(UserPool.MinimumPasswordLength), fingerprintKey: "drift:MinimumPasswordLength",
                properties: LiveDrift.Properties(nameof(UserPool.MinimumPasswordLength), codeLength.ToString(System.Globalization.CultureInfo.InvariantCulture), liveLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // -1 for a value this rule does not know: never compared.
    private static int Level(string[] levels, string? value) => Array.FindIndex(levels, l => string.Equals(l, value, StringComparison.OrdinalIgnoreCase));
}
