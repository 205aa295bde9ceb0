using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IGuardDutyClient
{
    Task<IReadOnlyList<GuardDutyDetector>> ListDetectorsAsync(string account, string region, CancellationToken ct);
}

/// <summary>GuardDuty over REST-JSON: ListDetectors (paged by nextToken), then GetDetector for each (one per region in practice).</summary>
public sealed class GuardDutyClient(AwsSession session) : IGuardDutyClient
{
    private readonly RestJsonProtocol rest = new(session, "guardduty", "guardduty");

    public async Task<IReadOnlyList<GuardDutyDetector>> ListDetectorsAsync(string account, string region, CancellationToken ct)
    {
        var ids = new List<string>();
        var pages = new AwsPages("guardduty", region, "ListDetectors", session.Transport.Options.MaxPages);
        string? token = null;
        do
        {
            var query = token is null ? "/detector?maxResults=50" : $"/detector?maxResults=50&nextToken={Uri.EscapeDataString(token)}";
            var page = await rest.GetAsync(region, "ListDetectors", query, ct, items: "detectorIds").ConfigureAwait(false);
            ids.AddRange(page.Arr("detectorIds").Select(e => e.GetString()).OfType<string>());
            token = pages.Next(page.Str("nextToken"));
        }
        while (token is not null);

        var detectors = new List<GuardDutyDetector>();
        foreach (var id in ids)
        {
            var detector = await rest.GetAsync(region, "GetDetector", "/detector/" + Uri.EscapeDataString(id), ct, items: "status").ConfigureAwait(false);
            detectors.Add(new GuardDutyDetector
            {
                Id = id,
                Enabled = detector.Str("status") == "ENABLED",
                Tags = detector.Obj("tags") is { ValueKind: System.Text.Json.JsonValueKind.Object } tags
                    ? tags.EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString() ?? "", StringComparer.Ordinal)
                    : new Dictionary<string, string>(),
                Provenance = Ec2Client.Live(account, region, $"arn:aws:guardduty:{region}:{account}:detector/{id}"),
            });
        }
        return detectors;
    }
}

/// <summary>The detectors of one region.</summary>
public sealed class GuardDutyCollector : ILiveCollector
{
    public string Service => "guardduty";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new GuardDutyClient(session).ListDetectorsAsync(account, region, ct).ConfigureAwait(false)];
}
