using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>A private key (PEM, OpenSSH, PuTTY, PGP, age) is committed.</summary>
public sealed class PrivateKeyCommitted : SecretRule
{
    protected override SecretKind Kind => SecretKind.PrivateKey;

    protected override Severity SeverityOf(SecretHit hit, RuleContext context) => hit.Severity;

    protected override string Message(SecretHit hit, SourceFile file, string preview) =>
        $"A {hit.Title} is committed in {file.Path}; {Revoke(hit)}, and keep keys in a secret store or an agent, never in the repository.";
}
