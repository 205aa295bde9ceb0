using System.IO.Enumeration;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services.Organizations;

/// <summary>Which accounts of the organization to scan, and the role to assume in each.</summary>
public sealed record OrganizationScope
{
    /// <summary>The role every member account has for Readiness (read-only, trusted by the scanning identity).</summary>
    public const string DefaultRoleName = "readiness-audit";

    public string RoleName { get; init; } = DefaultRoleName;

    /// <summary>Account id or name globs (* and ?, case-insensitive); empty means every account.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Account id or name globs to leave out, applied after <see cref="Include"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Roots or organizational units (ou-...) whose accounts, also in nested units, are scanned; empty means the whole organization.</summary>
    public IReadOnlyList<string> OrganizationalUnits { get; init; } = [];
}

/// <summary>An account to scan: its id and name, and the role ARN to assume there.</summary>
public sealed record ScanAccount(string Id, string Name, string RoleArn);

/// <summary>
/// Lists the accounts to scan: the organization's active accounts (ListAccounts, or ListAccountsForParent through the
/// named units and every unit nested in them), filtered by --include and --exclude, ordered by id.
/// </summary>
public static class OrganizationAccounts
{
    public static async Task<IReadOnlyList<ScanAccount>> ListAsync(IOrganizationsClient client, OrganizationScope scope, CancellationToken ct)
    {
        var accounts = scope.OrganizationalUnits.Count == 0
            ? await client.ListAccountsAsync(ct).ConfigureAwait(false)
            : await UnderAsync(client, scope.OrganizationalUnits, ct).ConfigureAwait(false);
        return accounts
            .Where(a => a.Status == "ACTIVE")
            .Where(a => scope.Include.Count == 0 || scope.Include.Any(g => Matches(g, a)))
            .Where(a => !scope.Exclude.Any(g => Matches(g, a)))
            .DistinctBy(a => a.Id)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new ScanAccount(a.Id, a.Name, RoleArn(a.Id, scope.RoleName)))
            .ToList();
    }

    public static string RoleArn(string account, string roleName) => $"arn:aws:iam::{account}:role/{roleName}";

    /// <summary>The account id in a role ARN (arn:aws:iam::ACCOUNT:role/NAME), or null.</summary>
    public static string? AccountOf(string roleArn) =>
        roleArn.Split(':') is [_, _, "iam", _, { Length: 12 } account, ..] ? account : null;

    private static bool Matches(string glob, OrganizationAccount account) =>
        FileSystemName.MatchesSimpleExpression(glob, account.Id, ignoreCase: true) || FileSystemName.MatchesSimpleExpression(glob, account.Name, ignoreCase: true);

    // Breadth first through nested units; a unit reached twice is read once.
    private static async Task<IReadOnlyList<OrganizationAccount>> UnderAsync(IOrganizationsClient client, IReadOnlyList<string> parents, CancellationToken ct)
    {
        var accounts = new List<OrganizationAccount>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(parents);
        while (queue.TryDequeue(out var parent))
        {
            if (!seen.Add(parent)) continue;
            accounts.AddRange(await client.ListAccountsForParentAsync(parent, ct).ConfigureAwait(false));
            foreach (var child in await client.ListChildUnitsAsync(parent, ct).ConfigureAwait(false)) queue.Enqueue(child);
        }
        return accounts;
    }
}
