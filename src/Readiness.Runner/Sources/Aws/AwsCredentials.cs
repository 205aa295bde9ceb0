using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// The starting identity: a named profile (static keys, SSO, credential_process, role chains) when --profile is given,
/// else AWSSDK.Core's default chain: environment variables, the default profile (SSO included, through AWSSDK.SSO and
/// AWSSDK.SSOOIDC), web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN, e.g. GitHub Actions OIDC, through
/// AWSSDK.SecurityToken), then the ECS container and EC2 instance roles.
/// </summary>
public static class AwsCredentials
{
    public static async Task<ImmutableCredentials> ResolveAsync(string? profile, CancellationToken ct)
    {
        AWSCredentials credentials;
        if (profile is not null)
        {
            if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out credentials))
                throw new InvalidOperationException($"The AWS profile '{profile}' was not found in ~/.aws/config or ~/.aws/credentials.");
        }
        else
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        ct.ThrowIfCancellationRequested();
        return await credentials.GetCredentialsAsync().ConfigureAwait(false);
    }
}
