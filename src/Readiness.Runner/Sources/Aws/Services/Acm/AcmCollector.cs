using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The ACM certificates of one region (CloudFront's are in us-east-1).</summary>
public sealed class AcmCollector : ILiveCollector
{
    public string Service => "acm";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new AcmClient(session).ListCertificatesAsync(account, region, ct).ConfigureAwait(false)];
}
