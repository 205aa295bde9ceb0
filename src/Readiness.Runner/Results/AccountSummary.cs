using Readiness.Rules.Model;

namespace Readiness.Runner.Results;

/// <summary>
/// One AWS account a scan or a merge was asked to cover, and whether it was: results.json lists them when live AWS was
/// read or shards were merged (absent otherwise), and the reports show a row per account.
/// </summary>
public sealed record AccountSummary
{
    public required string Id { get; init; }

    /// <summary>The account's name in the organization, when known.</summary>
    public string? Name { get; init; }

    /// <summary>The role assumed to read it; null for the starting identity's own account.</summary>
    public string? Role { get; init; }

    public required AccountStatus Status { get; init; }

    /// <summary>Live resources read in the account (account settings records not counted).</summary>
    public long Resources { get; init; }

    /// <summary>Where a merge took this account's results from (a shard's results.json); null for a scan.</summary>
    public string? Shard { get; init; }

    /// <summary>"123456789012 (prod)".</summary>
    public string Display() => Name is { Length: > 0 } name ? $"{Id} ({name})" : Id;
}

/// <summary>How one account's part of the result came about. Anything but Scanned leaves a coverage gap naming the account.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KebabCaseEnumConverter<AccountStatus>))]
public enum AccountStatus
{
    Scanned,
    /// <summary>The role could not be assumed, so nothing in the account was read.</summary>
    RoleNotAssumed,
    /// <summary>The account could not be read, or its shard failed or could not be read.</summary>
    Failed,
    /// <summary>A merge found no shard for an account of the account list.</summary>
    Missing,
    /// <summary>A merge found more than one shard for the account; the first (by location) was kept.</summary>
    Duplicate,
    /// <summary>The account's shard was made by another Readiness version or ruleset than the others.</summary>
    Mismatched,
}
