using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>A credential issued by a provider (AWS, GitHub, Stripe, Slack, OpenAI, ...) is committed; the detector id names it.</summary>
public sealed class ProviderCredentialCommitted : SecretRule
{
    protected override SecretKind Kind => SecretKind.Provider;

    protected override Severity SeverityOf(SecretHit hit, RuleContext context) => hit.Severity;

    protected override string Message(SecretHit hit, SourceFile file, string preview) => hit.DetectorId == "aws-access-key-pair"
        ? $"An AWS access key pair (key ID {hit.Extra["accessKeyIdPreview"]}, secret {preview}) is committed in {file.Path}; {Revoke(hit)}, then give the workload an IAM role instead of keys."
        : hit.Extra.TryGetValue("pairedId", out var pair)
            ? $"A {hit.Title} ({preview}) and its {pair} ({hit.Extra["pairedIdPreview"]}) are committed in {file.Path}; {Revoke(hit)}, then load them from a secret store or the environment at run time."
            : $"A {hit.Title} ({preview}) is committed in {file.Path}; {Revoke(hit)}, then load it from a secret store or the environment at run time.";
}
