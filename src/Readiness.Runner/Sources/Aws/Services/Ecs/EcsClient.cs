using System.Text.Json;
using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IEcsClient
{
    Task<IReadOnlyList<EcsTaskDefinition>> DescribeTaskDefinitionsAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<EcsService>> DescribeServicesAsync(string account, string region, CancellationToken ct);
}

/// <summary>
/// ECS over JSON 1.1. Task definitions: the latest ACTIVE revision of each family (older revisions run nothing new and
/// are what AWS Config also leaves aside), one DescribeTaskDefinition per family as the API has no batch call.
/// Services: every cluster's services, described ten at a time.
/// </summary>
public sealed class EcsClient(AwsSession session) : IEcsClient
{
    private readonly JsonProtocol json = new(session, "ecs", "ecs", "AmazonEC2ContainerServiceV20141113");

    public async Task<IReadOnlyList<EcsTaskDefinition>> DescribeTaskDefinitionsAsync(string account, string region, CancellationToken ct)
    {
        var families = new List<string>();
        await foreach (var page in json.PagesAsync(region, "ListTaskDefinitionFamilies", new JsonObject { ["status"] = "ACTIVE", ["maxResults"] = 100 }, "nextToken", ct, items: "families").ConfigureAwait(false))
            families.AddRange(page.Arr("families").Select(f => f.GetString()).OfType<string>());
        var list = new List<EcsTaskDefinition>();
        foreach (var family in families)
        {
            var answer = await json.CallAsync(region, "DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = family, ["include"] = new JsonArray("TAGS") }, ct, items: "taskDefinition").ConfigureAwait(false);
            var t = answer.Obj("taskDefinition");
            var arn = t.Str("taskDefinitionArn") ?? $"arn:aws:ecs:{region}:{account}:task-definition/{family}";
            list.Add(new EcsTaskDefinition
            {
                Id = family,
                Family = family,
                NetworkMode = t.Str("networkMode") ?? EcsTaskDefinition.Defaults.NetworkMode,
                PidMode = t.Str("pidMode"),
                TaskRole = t.Str("taskRoleArn"),
                ExecutionRole = t.Str("executionRoleArn"),
                Containers = t.Obj("containerDefinitions") is { ValueKind: JsonValueKind.Array } definitions
                    ? EcsContainerDefinitions.FromApi(definitions, ValueOrigin.Live(arn, "containerDefinitions"))
                    : Value<IReadOnlyList<EcsContainer>>.Of([]),
                Tags = AwsData.Tags(answer.Arr("tags").Select(tag => (tag.Str("key"), tag.Str("value") ?? ""))),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return list;
    }

    public async Task<IReadOnlyList<EcsService>> DescribeServicesAsync(string account, string region, CancellationToken ct)
    {
        var clusters = new List<string>();
        await foreach (var page in json.PagesAsync(region, "ListClusters", new JsonObject { ["maxResults"] = 100 }, "nextToken", ct, items: "clusterArns").ConfigureAwait(false))
            clusters.AddRange(page.Arr("clusterArns").Select(c => c.GetString()).OfType<string>());
        var list = new List<EcsService>();
        foreach (var cluster in clusters)
        {
            var arns = new List<string>();
            await foreach (var page in json.PagesAsync(region, "ListServices", new JsonObject { ["cluster"] = cluster, ["maxResults"] = 100 }, "nextToken", ct, items: "serviceArns").ConfigureAwait(false))
                arns.AddRange(page.Arr("serviceArns").Select(s => s.GetString()).OfType<string>());
            foreach (var batch in arns.Chunk(10))
            {
                var answer = await json.CallAsync(region, "DescribeServices",
                    new JsonObject { ["cluster"] = cluster, ["services"] = new JsonArray([.. batch.Select(a => (JsonNode)a)]), ["include"] = new JsonArray("TAGS") }, ct, items: "services").ConfigureAwait(false);
                foreach (var s in answer.Arr("services"))
                {
                    var name = s.Str("serviceName")!;
                    list.Add(new EcsService
                    {
                        Id = name,
                        Name = name,
                        LaunchType = s.Str("launchType"),
                        AssignPublicIp = s.Obj("networkConfiguration").Obj("awsvpcConfiguration").Str("assignPublicIp") == "ENABLED",
                        TaskDefinition = s.Str("taskDefinition"),
                        Tags = AwsData.Tags(s.Arr("tags").Select(tag => (tag.Str("key"), tag.Str("value") ?? ""))),
                        Provenance = Ec2Client.Live(account, region, s.Str("serviceArn") ?? $"arn:aws:ecs:{region}:{account}:service/{name}"),
                    });
                }
            }
        }
        return list;
    }
}
