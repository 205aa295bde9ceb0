using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>Users, groups, roles and customer managed policies with their policies, as one paged call returns them.</summary>
public sealed record IamAuthorizationDetails(
    IReadOnlyList<IamUser> Users, IReadOnlyList<IamGroup> Groups, IReadOnlyList<IamRole> Roles, IReadOnlyList<IamPolicy> Policies);

/// <summary>One row of the IAM credential report (the root account's row has user "&lt;root_account&gt;").</summary>
public sealed record CredentialReportRow(
    string User, string Arn, bool PasswordEnabled, bool MfaActive,
    bool Key1Active, DateTimeOffset? Key1Rotated, DateTimeOffset? Key1LastUsed,
    bool Key2Active, DateTimeOffset? Key2Rotated, DateTimeOffset? Key2LastUsed);

public sealed record AccessKeyInfo(string Id, bool Active, DateTimeOffset? Created);

public interface IIamClient
{
    Task<IamAuthorizationDetails> GetAccountAuthorizationDetailsAsync(string account, CancellationToken ct);
    Task<IReadOnlyList<CredentialReportRow>> GetCredentialReportAsync(CancellationToken ct);
    Task<IReadOnlyList<AccessKeyInfo>> ListAccessKeysAsync(string userName, CancellationToken ct);

    /// <summary>The account password policy; one with Exists false when the account has none (NoSuchEntity).</summary>
    Task<AccountPasswordPolicy> GetAccountPasswordPolicyAsync(string account, CancellationToken ct);

    /// <summary>GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent are the root user's).</summary>
    Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct);
}

public sealed class IamClient(AwsSession session, TimeSpan? reportWait = null) : IIamClient
{
    private readonly QueryProtocol query = new(session, "iam", "iam", "2010-05-08", global: true);
    private readonly TimeSpan reportWait = reportWait ?? TimeSpan.FromSeconds(2);

    private static string? Marker(XElement page)
    {
        var result = page.Elements().First();
        return result.Bool("IsTruncated") ? result.Str("Marker") : null;
    }

    public async Task<IamAuthorizationDetails> GetAccountAuthorizationDetailsAsync(string account, CancellationToken ct)
    {
        var users = new List<IamUser>();
        var groups = new List<IamGroup>();
        var roles = new List<IamRole>();
        var policies = new List<IamPolicy>();
        KeyValuePair<string, string>[] parameters =
            [new("Filter.member.1", "User"), new("Filter.member.2", "Group"), new("Filter.member.3", "Role"), new("Filter.member.4", "LocalManagedPolicy"), new("MaxItems", "1000")];
        await foreach (var page in query.PagesAsync(AwsSession.GlobalRegion, "GetAccountAuthorizationDetails", parameters, "Marker", Marker, ct, items: "GetAccountAuthorizationDetailsResult/UserDetailList").ConfigureAwait(false))
        {
            var result = page.El("GetAccountAuthorizationDetailsResult");
            foreach (var u in result.Items("UserDetailList"))
            {
                users.Add(new IamUser
                {
                    Id = u.Str("UserName")!,
                    AttachedPolicyArns = Attached(u),
                    InlinePolicies = Inline(u, "UserPolicyList"),
                    Groups = u.Items("GroupList").Select(g => g.Value).ToList(),
                    Tags = TagsOf(u),
                    Provenance = Global(account, u.Str("Arn") ?? $"arn:aws:iam::{account}:user/{u.Str("UserName")}"),
                });
            }
            foreach (var g in result.Items("GroupDetailList"))
            {
                groups.Add(new IamGroup
                {
                    Id = g.Str("GroupName")!,
                    AttachedPolicyArns = Attached(g),
                    InlinePolicies = Inline(g, "GroupPolicyList"),
                    Provenance = Global(account, g.Str("Arn") ?? $"arn:aws:iam::{account}:group/{g.Str("GroupName")}"),
                });
            }
            foreach (var r in result.Items("RoleDetailList"))
            {
                roles.Add(new IamRole
                {
                    Id = r.Str("RoleName")!,
                    AttachedPolicyArns = Attached(r),
                    InlinePolicies = Inline(r, "RolePolicyList"),
                    AssumeRolePolicy = r.Str("AssumeRolePolicyDocument") is { } trust ? PolicyDocuments.Parse(Decode(trust)) : (PolicyDocument?)null,
                    Tags = TagsOf(r),
                    Provenance = Global(account, r.Str("Arn") ?? $"arn:aws:iam::{account}:role/{r.Str("RoleName")}"),
                });
            }
            foreach (var p in result.Items("Policies"))
            {
                var current = p.Items("PolicyVersionList").FirstOrDefault(v => v.Bool("IsDefaultVersion"));
                policies.Add(new IamPolicy
                {
                    Id = p.Str("Arn")!,
                    Name = p.Str("PolicyName"),
                    Document = current.Str("Document") is { } doc ? PolicyDocuments.Parse(Decode(doc)) : null,
                    Provenance = Global(account, p.Str("Arn")!),
                });
            }
        }
        return new IamAuthorizationDetails(users, groups, roles, policies);
    }

    /// <summary>Asks IAM to generate the report, waits while it is being generated, then reads it.</summary>
    public async Task<IReadOnlyList<CredentialReportRow>> GetCredentialReportAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 15; attempt++)
        {
            var generated = await query.CallAsync(AwsSession.GlobalRegion, "GenerateCredentialReport", null, ct).ConfigureAwait(false);
            if (generated.El("GenerateCredentialReportResult").Str("State") == "COMPLETE") break;
            await Task.Delay(reportWait, ct).ConfigureAwait(false);
        }
        var answer = await query.CallAsync(AwsSession.GlobalRegion, "GetCredentialReport", null, ct, items: "GetCredentialReportResult/Content").ConfigureAwait(false);
        byte[] csv;
        try
        {
            csv = Convert.FromBase64String(answer.El("GetCredentialReportResult").Str("Content") ?? "");
        }
        catch (FormatException)
        {
            throw AwsAnswer.Malformed("iam", AwsSession.GlobalRegion, "GetCredentialReport", "the report content is not valid base64");
        }
        var rows = ParseCredentialReport(Encoding.UTF8.GetString(csv));
        // Every real report has the root account's row: one without rows is not an account without users.
        if (rows.Count == 0) throw AwsAnswer.Missing("iam", AwsSession.GlobalRegion, "GetCredentialReport", "credential report row");
        return rows;
    }

    public static IReadOnlyList<CredentialReportRow> ParseCredentialReport(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return [];
        var header = lines[0].Split(',').Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        string Cell(string[] row, string name) => header.TryGetValue(name, out var i) && i < row.Length ? row[i] : "";
        static DateTimeOffset? When(string v) =>
            DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        return lines.Skip(1).Select(l => l.Split(',')).Select(r => new CredentialReportRow(
            Cell(r, "user"), Cell(r, "arn"),
            Cell(r, "password_enabled") == "true", Cell(r, "mfa_active") == "true",
            Cell(r, "access_key_1_active") == "true", When(Cell(r, "access_key_1_last_rotated")), When(Cell(r, "access_key_1_last_used_date")),
            Cell(r, "access_key_2_active") == "true", When(Cell(r, "access_key_2_last_rotated")), When(Cell(r, "access_key_2_last_used_date"))))
            .ToList();
    }

    public async Task<IReadOnlyList<AccessKeyInfo>> ListAccessKeysAsync(string userName, CancellationToken ct)
    {
        var keys = new List<AccessKeyInfo>();
        await foreach (var page in query.PagesAsync(AwsSession.GlobalRegion, "ListAccessKeys", [new("UserName", userName)], "Marker", Marker, ct).ConfigureAwait(false))
        {
            keys.AddRange(page.El("ListAccessKeysResult").Items("AccessKeyMetadata")
                .Select(k => new AccessKeyInfo(k.Str("AccessKeyId")!, k.Str("Status") == "Active", k.Date("CreateDate"))));
        }
        return keys;
    }

    public async Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct)
    {
        var answer = await query.CallAsync(AwsSession.GlobalRegion, "GetAccountSummary", null, ct).ConfigureAwait(false);
        return answer.El("GetAccountSummaryResult").Items("SummaryMap", "entry")
            .Where(e => e.Str("key") is not null && e.Int("value") is not null)
            .ToDictionary(e => e.Str("key")!, e => e.Int("value")!.Value, StringComparer.Ordinal);
    }

    public async Task<AccountPasswordPolicy> GetAccountPasswordPolicyAsync(string account, CancellationToken ct)
    {
        var provenance = Global(account, $"arn:aws:iam::{account}:account-password-policy");
        XElement answer;
        try
        {
            answer = await query.CallAsync(AwsSession.GlobalRegion, "GetAccountPasswordPolicy", null, ct, items: "GetAccountPasswordPolicyResult/PasswordPolicy").ConfigureAwait(false);
        }
        catch (AwsCallException e) when (e.Code == "NoSuchEntity")
        {
            return new AccountPasswordPolicy { Id = $"{account}/password-policy", Exists = false, Provenance = provenance };
        }
        var p = answer.Path("GetAccountPasswordPolicyResult", "PasswordPolicy");
        return new AccountPasswordPolicy
        {
            Id = $"{account}/password-policy",
            MinimumPasswordLength = p.Int("MinimumPasswordLength") ?? AccountPasswordPolicy.Defaults.MinimumPasswordLength,
            PasswordReusePrevention = p.Int("PasswordReusePrevention") ?? AccountPasswordPolicy.Defaults.PasswordReusePrevention,
            RequireSymbols = p.Bool("RequireSymbols"),
            RequireNumbers = p.Bool("RequireNumbers"),
            RequireUppercaseCharacters = p.Bool("RequireUppercaseCharacters"),
            RequireLowercaseCharacters = p.Bool("RequireLowercaseCharacters"),
            Provenance = provenance,
        };
    }

    private static List<Value<string>> Attached(XElement e) =>
        e.Items("AttachedManagedPolicies").Select(p => p.Str("PolicyArn")).OfType<string>().Select(arn => Value<string>.Of(arn)).ToList();

    private static List<PolicyDocument> Inline(XElement e, string list) =>
        e.Items(list).Select(p => p.Str("PolicyDocument")).OfType<string>().Select(d => PolicyDocuments.Parse(Decode(d))).ToList();

    /// <summary>IAM returns policy documents URL-encoded.</summary>
    private static string Decode(string document) => document.TrimStart().StartsWith('{') ? document : Uri.UnescapeDataString(document);

    private static Dictionary<string, string> TagsOf(XElement e) =>
        AwsData.Tags(e.Items("Tags").Select(t => (t.Str("Key"), t.Str("Value") ?? "")));

    private static Provenance Global(string account, string arn) => new() { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Arn = arn };
}
