using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface ISecretsManagerClient
{
    Task<IReadOnlyList<Secret>> ListSecretsAsync(string account, string region, CancellationToken ct);
}

/// <summary>Secrets Manager over JSON 1.1. ListSecrets carries rotation facts and dates; no secret value is ever read.</summary>
public sealed class SecretsManagerClient(AwsSession session) : ISecretsManagerClient
{
    private readonly JsonProtocol json = new(session, "secretsmanager", "secretsmanager", "secretsmanager");

    public async Task<IReadOnlyList<Secret>> ListSecretsAsync(string account, string region, CancellationToken ct)
    {
        var secrets = new List<Secret>();
        await foreach (var page in json.PagesAsync(region, "ListSecrets", new JsonObject { ["MaxResults"] = 100 }, "NextToken", ct, items: "SecretList").ConfigureAwait(false))
        {
            foreach (var s in page.Arr("SecretList"))
            {
                var interval = s.Obj("RotationRules").Long("AutomaticallyAfterDays");
                secrets.Add(new Secret
                {
                    Id = s.Str("Name")!,
                    Name = s.Str("Name"),
                    RotationEnabled = s.Bool("RotationEnabled"),
                    RotationIntervalDays = interval is null ? null : (int)interval.Value,
                    LastRotated = s.Epoch("LastRotatedDate"),
                    Created = s.Epoch("CreatedDate"),
                    Tags = AwsData.Tags(s.Arr("Tags").Select(t => (t.Str("Key"), t.Str("Value") ?? ""))),
                    Provenance = Ec2Client.Live(account, region, s.Str("ARN")!),
                });
            }
        }
        return secrets;
    }
}
