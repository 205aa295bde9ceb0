using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Runner.Sources.Iac;
using S3Bucket = Readiness.Rules.Model.Cloud.S3Bucket;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface IS3Client
{
    /// <summary>Every bucket of the account (S3 lists them globally) with its public access block, default encryption, policy, ACL, versioning and tags.</summary>
    Task<IReadOnlyList<S3Bucket>> ListBucketsAsync(string account, CancellationToken ct);
}

/// <summary>
/// S3 through the official AWSSDK.S3 client (the one service package served here): what the thin clients' interfaces
/// allow for every service. Its errors become the same <see cref="AwsCallException"/>s, so gaps read alike.
/// </summary>
public sealed class S3Client(AwsSession session) : IS3Client
{
    private readonly ConcurrentDictionary<string, AmazonS3Client> clients = new(StringComparer.Ordinal);

    private AmazonS3Client For(string region) => clients.GetOrAdd(region, r => S3Clients.Create(session.Credentials, r, session.Endpoints.Override));

    public async Task<IReadOnlyList<S3Bucket>> ListBucketsAsync(string account, CancellationToken ct)
    {
        // The SDK does not go through AwsTransport: the same per-service deadline applies here.
        var deadline = session.Transport.Options.ServiceDeadline;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(deadline);
        try
        {
            return await ListBucketsWithinAsync(account, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AwsCallException(AwsFailure.Timeout, "s3", AwsSession.GlobalRegion, "ListBuckets", "Deadline", $"the {deadline.TotalSeconds:0} s deadline for s3 passed");
        }
    }

    private async Task<IReadOnlyList<S3Bucket>> ListBucketsWithinAsync(string account, CancellationToken ct)
    {
        var buckets = new List<Amazon.S3.Model.S3Bucket>();
        string? token = null;
        var pages = new AwsPages("s3", AwsSession.GlobalRegion, "ListBuckets", session.Transport.Options.MaxPages);
        do
        {
            var page = await Call("ListBuckets", AwsSession.GlobalRegion, () => For(AwsSession.GlobalRegion).ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token, MaxBuckets = 1000 }, ct)).ConfigureAwait(false);
            buckets.AddRange(page.Buckets ?? []);
            token = pages.Next(page.ContinuationToken);
        }
        while (token is not null);

        var result = new List<S3Bucket>();
        foreach (var b in buckets)
        {
            var region = string.IsNullOrEmpty(b.BucketRegion) ? AwsSession.GlobalRegion : b.BucketRegion;
            var client = For(region);
            var block = await Optional("GetPublicAccessBlock", region, "NoSuchPublicAccessBlockConfiguration",
                () => client.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = b.BucketName }, ct)).ConfigureAwait(false);
            var encryption = await Optional("GetBucketEncryption", region, "ServerSideEncryptionConfigurationNotFoundError",
                () => client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = b.BucketName }, ct)).ConfigureAwait(false);
            // Tags are what ownership and environment policies (custom rules) judge; a bucket without any answers NoSuchTagSet.
            var tagging = await Optional("GetBucketTagging", region, "NoSuchTagSet",
                () => client.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = b.BucketName }, ct)).ConfigureAwait(false);
            var policy = await Optional("GetBucketPolicy", region, "NoSuchBucketPolicy",
                () => client.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = b.BucketName }, ct)).ConfigureAwait(false);
            var acl = await Call("GetBucketAcl", region, () => client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = b.BucketName }, ct)).ConfigureAwait(false);
            var versioning = await Call("GetBucketVersioning", region, () => client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = b.BucketName }, ct)).ConfigureAwait(false);
            var config = block?.PublicAccessBlockConfiguration;
            result.Add(new S3Bucket
            {
                Id = b.BucketName,
                BlockPublicAcls = config?.BlockPublicAcls == true,
                IgnorePublicAcls = config?.IgnorePublicAcls == true,
                BlockPublicPolicy = config?.BlockPublicPolicy == true,
                RestrictPublicBuckets = config?.RestrictPublicBuckets == true,
                EncryptionConfigured = encryption?.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.Count > 0,
                Tags = (tagging?.TagSet ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
                Policy = string.IsNullOrEmpty(policy?.Policy) ? (Rules.Model.Cloud.PolicyDocument?)null : IacPolicy.FromJson(policy.Policy),
                Acl = S3Policies.AclOf((acl.Grants ?? []).Select(g => (g.Grantee?.URI, g.Permission?.Value))),
                VersioningEnabled = versioning.VersioningConfig?.Status == VersionStatus.Enabled,
                Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Region = region, Arn = $"arn:aws:s3:::{b.BucketName}" },
            });
        }
        return result;
    }

    /// <summary>A call whose "not configured" error means the setting is absent, not that the read failed.</summary>
    private static async Task<T?> Optional<T>(string operation, string region, string absentCode, Func<Task<T>> call) where T : class
    {
        try
        {
            return await Call(operation, region, call).ConfigureAwait(false);
        }
        catch (AwsCallException e) when (e.Code == absentCode)
        {
            return null;
        }
    }

    private static async Task<T> Call<T>(string operation, string region, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            var failure = e.StatusCode == HttpStatusCode.Forbidden || e.ErrorCode is "AccessDenied" or "AllAccessDisabled" ? AwsFailure.AccessDenied
                : e.ErrorCode is "SlowDown" or "Throttling" || (int)e.StatusCode == 503 ? AwsFailure.Throttled
                : AwsFailure.Error;
            throw new AwsCallException(failure, "s3", region, operation, e.ErrorCode ?? $"HTTP {(int)e.StatusCode}", e.Message);
        }
        catch (AmazonClientException e)
        {
            throw new AwsCallException(AwsFailure.Unreachable, "s3", region, operation, null, e.Message);
        }
    }
}
