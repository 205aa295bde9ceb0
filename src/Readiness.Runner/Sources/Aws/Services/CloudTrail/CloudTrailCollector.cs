using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The trails of one region (a multi-region trail is listed in each region it records).</summary>
public sealed class CloudTrailCollector : ILiveCollector
{
    public string Service => "cloudtrail";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new Clients.CloudTrailClient(session).DescribeTrailsAsync(account, region, ct).ConfigureAwait(false)];
}
