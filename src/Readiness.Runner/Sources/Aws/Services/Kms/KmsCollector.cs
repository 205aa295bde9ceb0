using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The KMS keys of one region.</summary>
public sealed class KmsCollector : ILiveCollector
{
    public string Service => "kms";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new KmsClient(session).ListKeysAsync(account, region, ct).ConfigureAwait(false)];
}
