using Amazon.Runtime;

namespace Readiness.Runner.Sources.Aws.Clients;

public sealed record CallerIdentity(string Account, string Arn);

public interface IStsClient
{
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct);
    Task<ImmutableCredentials> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken ct);
}

/// <summary>STS over the query protocol, through the same transport (and so the same endpoint override) as the collectors.</summary>
public sealed class StsClient(AwsSession session, string region = AwsSession.GlobalRegion) : IStsClient
{
    private readonly QueryProtocol query = new(session, "sts", "sts", "2011-06-15");

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct)
    {
        var result = (await query.CallAsync(region, "GetCallerIdentity", null, ct).ConfigureAwait(false)).El("GetCallerIdentityResult");
        return new CallerIdentity(result.Str("Account")!, result.Str("Arn") ?? "");
    }

    public async Task<ImmutableCredentials> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken ct)
    {
        var answer = await query.CallAsync(region, "AssumeRole",
            [new("RoleArn", roleArn), new("RoleSessionName", sessionName), new("DurationSeconds", "3600")], ct).ConfigureAwait(false);
        var credentials = answer.El("AssumeRoleResult").El("Credentials");
        return new ImmutableCredentials(credentials.Str("AccessKeyId"), credentials.Str("SecretAccessKey"), credentials.Str("SessionToken"));
    }
}
