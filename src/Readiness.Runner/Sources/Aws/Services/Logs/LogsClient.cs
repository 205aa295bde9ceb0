using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface ILogsClient
{
    Task<IReadOnlyList<LogGroup>> DescribeLogGroupsAsync(string account, string region, CancellationToken ct);
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
}

/// <summary>The log groups of one region.</summary>
public sealed class LogsCollector : ILiveCollector
{
    public string Service => "logs";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new LogsClient(session).DescribeLogGroupsAsync(account, region, ct).ConfigureAwait(false)];
}
