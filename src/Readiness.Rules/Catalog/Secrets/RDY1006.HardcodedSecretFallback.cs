using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>CSEC-18 across languages: a secret read from the environment falls back to a literal when the variable is unset.</summary>
public sealed class HardcodedSecretFallback : SecretRule
{
    protected override SecretKind Kind => SecretKind.Fallback;

    protected override bool Accept(SecretHit hit, SourceFile file, RuleContext context) => !IsDjangoSecretKeyLine(file, hit);

    protected override string Message(SecretHit hit, SourceFile file, string preview) =>
        $"'{hit.Name}' falls back to a hardcoded value ({preview}) in {file.Path} when it is not set; remove the fallback so a missing secret stops the application at start-up, and rotate the value if it was ever used.";
}
