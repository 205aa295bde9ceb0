using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>
/// The one place an S3 client is made, for the live collector (a session's credentials, each bucket's region, the
/// --endpoint-url emulator) and for s3:// report and baseline locations (the SDK's credential chain, the endpoint and
/// region of <see cref="AwsEnvironment"/>) alike: same retries, timeout and path-style addressing for an endpoint.
/// </summary>
public static class S3Clients
{
    /// <param name="credentials">Null: the SDK's default credential chain.</param>
    /// <param name="region">Null: the SDK's own region resolution (profile, instance metadata).</param>
    /// <param name="endpoint">An S3-compatible endpoint or emulator instead of AWS; requests are path-style and signed for <paramref name="region"/>.</param>
    public static AmazonS3Client Create(ImmutableCredentials? credentials, string? region, Uri? endpoint)
    {
        var config = new AmazonS3Config { MaxErrorRetry = 5, Timeout = TimeSpan.FromSeconds(30) };
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? AwsSession.GlobalRegion;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        if (credentials is null) return new AmazonS3Client(config);
        AWSCredentials signing = string.IsNullOrEmpty(credentials.Token)
            ? new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey)
            : new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token);
        return new AmazonS3Client(signing, config);
    }

    /// <summary>A client for s3:// report locations, configured from the environment.</summary>
    public static AmazonS3Client ForReports(AwsEnvironment environment) => Create(null, environment.Region, environment.S3Endpoint);
}
