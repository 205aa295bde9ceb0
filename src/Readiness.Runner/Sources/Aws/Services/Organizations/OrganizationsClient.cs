using System.Text.Json.Nodes;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>One member account of an AWS Organization as ListAccounts describes it.</summary>
public sealed record OrganizationAccount(string Id, string Name, string Email, string Status);

public interface IOrganizationsClient
{
    /// <summary>Every account of the organization (ListAccounts), whatever its status.</summary>
    Task<IReadOnlyList<OrganizationAccount>> ListAccountsAsync(CancellationToken ct);

    /// <summary>The accounts directly under one root or organizational unit (ListAccountsForParent).</summary>
    Task<IReadOnlyList<OrganizationAccount>> ListAccountsForParentAsync(string parentId, CancellationToken ct);

    /// <summary>The organizational units directly under a root or unit (ListOrganizationalUnitsForParent).</summary>
    Task<IReadOnlyList<string>> ListChildUnitsAsync(string parentId, CancellationToken ct);
}

/// <summary>
/// AWS Organizations over JSON 1.1, read-only, from the management account or a delegated administrator. Its one
/// endpoint is in us-east-1 for the commercial partition.
/// </summary>
public sealed class OrganizationsClient(AwsSession session) : IOrganizationsClient
{
    private readonly JsonProtocol json = new(session, "organizations", "organizations", "AWSOrganizationsV20161128");

    public Task<IReadOnlyList<OrganizationAccount>> ListAccountsAsync(CancellationToken ct) =>
        AccountsAsync("ListAccounts", new JsonObject(), ct);

    public Task<IReadOnlyList<OrganizationAccount>> ListAccountsForParentAsync(string parentId, CancellationToken ct) =>
        AccountsAsync("ListAccountsForParent", new JsonObject { ["ParentId"] = parentId }, ct);

    public async Task<IReadOnlyList<string>> ListChildUnitsAsync(string parentId, CancellationToken ct)
    {
        var units = new List<string>();
        await foreach (var page in json.PagesAsync(AwsSession.GlobalRegion, "ListOrganizationalUnitsForParent", new JsonObject { ["ParentId"] = parentId, ["MaxResults"] = 20 },
                           "NextToken", ct, items: "OrganizationalUnits").ConfigureAwait(false))
            units.AddRange(page.Arr("OrganizationalUnits").Select(u => u.Str("Id")).OfType<string>());
        return units;
    }

    private async Task<IReadOnlyList<OrganizationAccount>> AccountsAsync(string operation, JsonObject body, CancellationToken ct)
    {
        body["MaxResults"] = 20;
        var accounts = new List<OrganizationAccount>();
        await foreach (var page in json.PagesAsync(AwsSession.GlobalRegion, operation, body, "NextToken", ct, items: "Accounts").ConfigureAwait(false))
        {
            foreach (var a in page.Arr("Accounts"))
            {
                // Status is deprecated in favour of State (2025); either says ACTIVE for an account that can be scanned.
                accounts.Add(new OrganizationAccount(a.Str("Id")!, a.Str("Name") ?? "", a.Str("Email") ?? "", a.Str("State") ?? a.Str("Status") ?? "UNKNOWN"));
            }
        }
        return accounts;
    }
}
