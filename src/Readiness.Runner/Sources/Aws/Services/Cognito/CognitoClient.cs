using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface ICognitoClient
{
    Task<IReadOnlyList<UserPool>> ListUserPoolsAsync(string account, string region, CancellationToken ct);
}

/// <summary>Cognito user pools over JSON 1.1: ListUserPools (paged by NextToken), then DescribeUserPool per pool. No user is ever read.</summary>
public sealed class CognitoClient(AwsSession session) : ICognitoClient
{
    private readonly JsonProtocol json = new(session, "cognito-idp", "cognito-idp", "AWSCognitoIdentityProviderService");

    public async Task<IReadOnlyList<UserPool>> ListUserPoolsAsync(string account, string region, CancellationToken ct)
    {
        var ids = new List<string>();
        await foreach (var page in json.PagesAsync(region, "ListUserPools", new JsonObject { ["MaxResults"] = 60 }, "NextToken", ct, items: "UserPools").ConfigureAwait(false))
            ids.AddRange(page.Arr("UserPools").Select(p => p.Str("Id")).OfType<string>());
        var pools = new List<UserPool>();
        foreach (var id in ids)
        {
            var p = (await json.CallAsync(region, "DescribeUserPool", new JsonObject { ["UserPoolId"] = id }, ct, items: "UserPool").ConfigureAwait(false)).Obj("UserPool");
            var tags = p.Obj("UserPoolTags");
            pools.Add(new UserPool
            {
                Id = id,
                Name = p.Str("Name"),
                MfaConfiguration = p.Str("MfaConfiguration") ?? UserPool.Defaults.MfaConfiguration,
                MinimumPasswordLength = (int?)p.Obj("Policies").Obj("PasswordPolicy").Long("MinimumLength") ?? UserPool.Defaults.MinimumPasswordLength,
                AdvancedSecurityMode = p.Obj("UserPoolAddOns").Str("AdvancedSecurityMode") ?? UserPool.Defaults.AdvancedSecurityMode,
                Tags = tags.ValueKind == System.Text.Json.JsonValueKind.Object
                    ? AwsData.Tags(tags.EnumerateObject().Select(t => ((string?)t.Name, t.Value.GetString() ?? "")))
                    : new Dictionary<string, string>(),
                Provenance = Ec2Client.Live(account, region, p.Str("Arn") ?? $"arn:aws:cognito-idp:{region}:{account}:userpool/{id}"),
            });
        }
        return pools;
    }
}
