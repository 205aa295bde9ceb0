using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>
/// A secret-named variable or key (password, secret, token, api_key, JWT_SECRET, ...) is assigned a literal that looks
/// like a real secret. In code the literal must be long and random enough; in configuration any real value counts.
/// </summary>
public sealed class HardcodedSecretAssignment : SecretRule
{
    protected override SecretKind Kind => SecretKind.Assignment;

    protected override bool Accept(SecretHit hit, SourceFile file, RuleContext context)
    {
        if (IsDjangoSecretKeyLine(file, hit)) return false;
        if (hit.Extra.GetValueOrDefault("judgedAs") != "code") return hit.Length >= context.Int("min_length_config");
        var entropy = double.Parse(hit.Extra["entropy"], CultureInfo.InvariantCulture);
        return hit.Length >= context.Int("min_length_code") && entropy * 100 >= context.Int("min_entropy_code_centibits");
    }

    protected override string Message(SecretHit hit, SourceFile file, string preview) =>
        $"'{hit.Name}' is assigned a hardcoded secret ({preview}) in {file.Path}; move the value to a secret store or an environment variable read at start-up, and rotate it.";
}
