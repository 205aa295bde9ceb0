using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The secrets of one region.</summary>
public sealed class SecretsManagerCollector : ILiveCollector
{
    public string Service => "secretsmanager";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new Clients.SecretsManagerClient(session).ListSecretsAsync(account, region, ct).ConfigureAwait(false)];
}
