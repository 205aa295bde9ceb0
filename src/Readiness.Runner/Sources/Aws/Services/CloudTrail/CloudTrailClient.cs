using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface ICloudTrailClient
{
    /// <summary>Trails whose home is this region, with whether each is logging now.</summary>
    Task<IReadOnlyList<Trail>> DescribeTrailsAsync(string account, string region, CancellationToken ct);
}

/// <summary>CloudTrail over JSON 1.1. DescribeTrails is not paged (at most a few trails per region).</summary>
public sealed class CloudTrailClient(AwsSession session) : ICloudTrailClient
{
    private readonly JsonProtocol json = new(session, "cloudtrail", "cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");

    public async Task<IReadOnlyList<Trail>> DescribeTrailsAsync(string account, string region, CancellationToken ct)
    {
        var answer = await json.CallAsync(region, "DescribeTrails", new JsonObject { ["includeShadowTrails"] = false }, ct, items: "trailList").ConfigureAwait(false);
        var trails = new List<Trail>();
        foreach (var t in answer.Arr("trailList"))
        {
            var arn = t.Str("TrailARN")!;
            var status = await json.CallAsync(region, "GetTrailStatus", new JsonObject { ["Name"] = arn }, ct).ConfigureAwait(false);
            trails.Add(new Trail
            {
                Id = t.Str("Name")!,
                IsMultiRegion = t.Bool("IsMultiRegionTrail"),
                IsLogging = status.Bool("IsLogging"),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return trails;
    }
}
