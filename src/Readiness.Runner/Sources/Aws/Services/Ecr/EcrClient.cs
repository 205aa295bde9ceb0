using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IEcrClient
{
    Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(string account, string region, CancellationToken ct);
}

/// <summary>ECR over JSON 1.1: DescribeRepositories (paged), then GetRepositoryPolicy per repository (no batch call exists).</summary>
public sealed class EcrClient(AwsSession session) : IEcrClient
{
    private readonly JsonProtocol json = new(session, "ecr", "ecr", "AmazonEC2ContainerRegistry_V20150921");

    public async Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<EcrRepository>();
        await foreach (var page in json.PagesAsync(region, "DescribeRepositories", new JsonObject { ["maxResults"] = 100 }, "nextToken", ct, items: "repositories").ConfigureAwait(false))
        {
            foreach (var r in page.Arr("repositories"))
            {
                var name = r.Str("repositoryName")!;
                list.Add(new EcrRepository
                {
                    Id = name,
                    Name = name,
                    ImageTagMutability = r.Str("imageTagMutability") ?? EcrRepository.Defaults.ImageTagMutability,
                    ScanOnPush = r.Obj("imageScanningConfiguration").Bool("scanOnPush"),
                    Policy = await PolicyAsync(region, name, ct).ConfigureAwait(false),
                    Provenance = Ec2Client.Live(account, region, r.Str("repositoryArn") ?? $"arn:aws:ecr:{region}:{account}:repository/{name}"),
                });
            }
        }
        return list;
    }

    private async Task<Value<PolicyDocument?>> PolicyAsync(string region, string repository, CancellationToken ct)
    {
        try
        {
            var answer = await json.CallAsync(region, "GetRepositoryPolicy", new JsonObject { ["repositoryName"] = repository }, ct, items: "policyText").ConfigureAwait(false);
            return IacPolicy.FromJson(answer.Str("policyText") ?? "{}");
        }
        catch (AwsCallException e) when (e.Code == "RepositoryPolicyNotFoundException")
        {
            return (PolicyDocument?)null;
        }
    }
}
