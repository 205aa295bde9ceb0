using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>A database, cache, broker or mail connection carries its password inline (URL, connection string, service password).</summary>
public sealed class ConnectionPasswordCommitted : SecretRule
{
    protected override SecretKind Kind => SecretKind.ConnectionPassword;

    protected override Severity SeverityOf(SecretHit hit, RuleContext context) => hit.Severity;

    protected override string Message(SecretHit hit, SourceFile file, string preview)
    {
        var host = hit.Extra.TryGetValue("host", out var h) ? $" for {h}" : "";
        return $"A {hit.Title}{host} is committed in {file.Path} with the password {preview}; {Revoke(hit)}.";
    }
}
