using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>S3 lists every bucket of the account in one place; each bucket carries its own region.</summary>
public sealed class S3Collector : ILiveCollector
{
    public string Service => "s3";
    public bool IsGlobal => true;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new Clients.S3Client(session).ListBucketsAsync(account, ct).ConfigureAwait(false)];
}
