using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The Cognito user pools of one region.</summary>
public sealed class CognitoCollector : ILiveCollector
{
    public string Service => "cognito-idp";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new CognitoClient(session).ListUserPoolsAsync(account, region, ct).ConfigureAwait(false)];
}
