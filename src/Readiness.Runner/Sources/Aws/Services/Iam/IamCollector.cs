using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// IAM, once per account: users (with their access keys and the credential report's password and MFA facts), groups,
/// roles, customer managed policies and the password policy; the root user's MFA and access keys go to the account's
/// global <see cref="AccountSettings"/>.
/// </summary>
public sealed class IamCollector : ILiveReader
{
    public string Service => "iam";
    public bool IsGlobal => true;

    public async Task ReadAsync(LiveScope scope, CancellationToken ct)
    {
        var iam = new IamClient(scope.Session);
        bool? rootMfa = null, rootKeys = null;
        try
        {
            var details = await iam.GetAccountAuthorizationDetailsAsync(scope.Account, ct).ConfigureAwait(false);
            var report = await iam.GetCredentialReportAsync(ct).ConfigureAwait(false);
            // The account summary answers for the root user (the credential report's <root_account> row agrees).
            var summary = await iam.GetAccountSummaryAsync(ct).ConfigureAwait(false);
            if (summary.TryGetValue("AccountMFAEnabled", out var mfa)) rootMfa = mfa == 1;
            if (summary.TryGetValue("AccountAccessKeysPresent", out var rootKeyCount)) rootKeys = rootKeyCount > 0;
            var rows = report.ToDictionary(r => r.User, StringComparer.Ordinal);
            foreach (var user in details.Users)
            {
                rows.TryGetValue(user.Id, out var row);
                var keys = row is not null && (row.Key1Active || row.Key2Active || row.Key1Rotated is not null || row.Key2Rotated is not null)
                    ? await iam.ListAccessKeysAsync(user.Id, ct).ConfigureAwait(false)
                    : [];
                scope.Add(user with { AccessKeys = AccessKeysOf(keys, row), HasConsolePassword = row?.PasswordEnabled, MfaEnabled = row?.MfaActive });
            }
            foreach (var r in details.Groups.Cast<CloudResource>().Concat(details.Roles).Concat(details.Policies)) scope.Add(r);
            scope.Add(await iam.GetAccountPasswordPolicyAsync(scope.Account, ct).ConfigureAwait(false));
        }
        finally
        {
            // What was learnt of the root user counts even when a later IAM read failed (that failure is the gap).
            scope.Settings(s => s with { RootMfaEnabled = rootMfa, RootAccessKeysPresent = rootKeys });
        }
    }

    // The credential report's key 1 and key 2 are the user's keys in creation order.
    private static IReadOnlyList<AccessKey> AccessKeysOf(IReadOnlyList<AccessKeyInfo> keys, CredentialReportRow? row) =>
        keys.OrderBy(k => k.Created ?? DateTimeOffset.MaxValue).Select((k, i) => new AccessKey
        {
            Id = k.Id,
            Active = k.Active,
            Created = k.Created,
            LastUsed = row is null ? null : i == 0 ? row.Key1LastUsed : i == 1 ? row.Key2LastUsed : null,
        }).ToList();
}
