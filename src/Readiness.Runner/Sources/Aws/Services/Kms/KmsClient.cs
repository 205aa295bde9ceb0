using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IKmsClient
{
    Task<IReadOnlyList<KmsKey>> ListKeysAsync(string account, string region, CancellationToken ct);
}

/// <summary>
/// KMS over JSON 1.1: ListKeys (paged by Marker), then per key DescribeKey; for customer managed keys also
/// GetKeyPolicy and, where the key can rotate, GetKeyRotationStatus. No key material or ciphertext is ever read.
/// </summary>
public sealed class KmsClient(AwsSession session) : IKmsClient
{
    private readonly JsonProtocol json = new(session, "kms", "kms", "TrentService");

    public async Task<IReadOnlyList<KmsKey>> ListKeysAsync(string account, string region, CancellationToken ct)
    {
        // ListKeys takes Marker and answers NextMarker (with Truncated), unlike the NextToken lists JsonProtocol pages.
        var ids = new List<string>();
        var pages = new AwsPages("kms", region, "ListKeys", session.Transport.Options.MaxPages);
        string? marker = null;
        do
        {
            var request = new JsonObject { ["Limit"] = 1000 };
            if (marker is not null) request["Marker"] = marker;
            var page = await json.CallAsync(region, "ListKeys", request, ct, items: "Keys").ConfigureAwait(false);
            ids.AddRange(page.Arr("Keys").Select(k => k.Str("KeyId")).OfType<string>());
            marker = pages.Next(page.Bool("Truncated") ? page.Str("NextMarker") : null);
        }
        while (marker is not null);
        var keys = new List<KmsKey>();
        foreach (var id in ids)
        {
            var meta = (await json.CallAsync(region, "DescribeKey", new JsonObject { ["KeyId"] = id }, ct, items: "KeyMetadata").ConfigureAwait(false)).Obj("KeyMetadata");
            var key = new KmsKey
            {
                Id = id,
                KeyManager = meta.Str("KeyManager") ?? KmsKey.Defaults.KeyManager,
                KeySpec = meta.Str("KeySpec") ?? meta.Str("CustomerMasterKeySpec") ?? KmsKey.Defaults.KeySpec,
                KeyState = meta.Str("KeyState"),
                KeyOrigin = meta.Str("Origin"),
                Provenance = Ec2Client.Live(account, region, meta.Str("Arn") ?? $"arn:aws:kms:{region}:{account}:key/{id}"),
            };
            // AWS managed keys rotate on their own and their policies are AWS's; pending-deletion keys refuse these calls.
            if (key.KeyManager == "CUSTOMER" && key.KeyState == "Enabled")
            {
                var policy = await json.CallAsync(region, "GetKeyPolicy", new JsonObject { ["KeyId"] = id, ["PolicyName"] = "default" }, ct, items: "Policy").ConfigureAwait(false);
                key = key with { Policy = PolicyDocuments.Parse(policy.Str("Policy") ?? "{}") };
                if (key.CanRotate)
                {
                    var rotation = await json.CallAsync(region, "GetKeyRotationStatus", new JsonObject { ["KeyId"] = id }, ct, items: "KeyRotationEnabled").ConfigureAwait(false);
                    key = key with { RotationEnabled = rotation.Bool("KeyRotationEnabled") };
                }
            }
            keys.Add(key);
        }
        return keys;
    }
}
