using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface ILogsClient
{
    Task<IReadOnlyList<LogGroup>> DescribeLogGroupsAsync(string account, string region, CancellationToken ct);

    /// <summary>
    /// The resources whose logs of <paramref name="logType"/> go somewhere through vended-log delivery (CloudWatch Logs
    /// "standard logging v2": a delivery source naming the resource, with at least one delivery).
    /// </summary>
    Task<IReadOnlySet<string>> DeliveredResourceArnsAsync(string region, string logType, CancellationToken ct);
}

/// <summary>CloudWatch Logs over JSON 1.1: DescribeLogGroups, paged by nextToken.</summary>
public sealed class LogsClient(AwsSession session) : ILogsClient
{
    private readonly JsonProtocol json = new(session, "logs", "logs", "Logs_20140328");

    public async Task<IReadOnlyList<LogGroup>> DescribeLogGroupsAsync(string account, string region, CancellationToken ct)
    {
        var groups = new List<LogGroup>();
        await foreach (var page in json.PagesAsync(region, "DescribeLogGroups", new JsonObject { ["limit"] = 50 }, "nextToken", ct, items: "logGroups").ConfigureAwait(false))
        {
            foreach (var g in page.Arr("logGroups"))
            {
                var name = g.Str("logGroupName")!;
                groups.Add(new LogGroup
                {
                    Id = name,
                    Name = name,
                    RetentionInDays = (int)(g.Long("retentionInDays") ?? LogGroup.Defaults.RetentionInDays),
                    KmsKeyId = g.Str("kmsKeyId"),
                    Provenance = Ec2Client.Live(account, region, g.Str("logGroupArn") ?? $"arn:aws:logs:{region}:{account}:log-group:{name}"),
                });
            }
        }
        return groups;
    }

    public async Task<IReadOnlySet<string>> DeliveredResourceArnsAsync(string region, string logType, CancellationToken ct)
    {
        var delivering = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in json.PagesAsync(region, "DescribeDeliveries", new JsonObject { ["limit"] = 50 }, "nextToken", ct, items: "deliveries").ConfigureAwait(false))
            foreach (var d in page.Arr("deliveries")) if (d.Str("deliverySourceName") is { } source) delivering.Add(source);
        var arns = new HashSet<string>(StringComparer.Ordinal);
        if (delivering.Count == 0) return arns;
        await foreach (var page in json.PagesAsync(region, "DescribeDeliverySources", new JsonObject { ["limit"] = 50 }, "nextToken", ct, items: "deliverySources").ConfigureAwait(false))
        {
            foreach (var source in page.Arr("deliverySources"))
            {
                if (source.Str("logType") != logType || source.Str("name") is not { } name || !delivering.Contains(name)) continue;
                foreach (var arn in source.Arr("resourceArns")) if (arn.GetString() is { } resource) arns.Add(resource);
            }
        }
        return arns;
    }
}

/// <summary>The log groups of one region.</summary>
public sealed class LogsCollector : ILiveCollector
{
    public string Service => "logs";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new LogsClient(session).DescribeLogGroupsAsync(account, region, ct).ConfigureAwait(false)];
}
