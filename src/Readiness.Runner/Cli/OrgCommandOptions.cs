using System.CommandLine;
using Readiness.Runner.Sources.Aws.Services.Organizations;

namespace Readiness.Runner.Cli;

/// <summary>
/// The options that pick the accounts of an AWS Organization, shared by `accounts` and `scan --aws --org`. In `accounts`
/// the filters are also --include and --exclude (scan's --exclude already names paths).
/// </summary>
public sealed class OrgCommandOptions
{
    public OrgCommandOptions(bool shortFilterNames)
    {
        Include = new Option<string[]>("--include-account") { Description = "Only accounts whose id or name matches this glob (* and ?; repeatable)." };
        Exclude = new Option<string[]>("--exclude-account") { Description = "Leave out accounts whose id or name matches this glob (repeatable)." };
        if (shortFilterNames)
        {
            Include.Aliases.Add("--include");
            Exclude.Aliases.Add("--exclude");
        }
    }

    public Option<bool> Org { get; } = new("--org") { Description = "Every active account of the AWS Organization (from the management account or a delegated administrator)." };
    public Option<string> RoleName { get; } = new("--role-name")
    {
        Description = $"Role to assume in each member account (default {OrganizationScope.DefaultRoleName}).",
        DefaultValueFactory = _ => OrganizationScope.DefaultRoleName,
    };
    public Option<string[]> Include { get; }
    public Option<string[]> Exclude { get; }
    public Option<string[]> Ou { get; } = new("--ou") { Description = "Only accounts under this root or organizational unit (r-... or ou-...), nested units included (repeatable)." };

    public IEnumerable<Option> All => [Org, RoleName, Include, Exclude, Ou];

    /// <summary>The scope when --org is given; null without it (then the filters are a mistake).</summary>
    public OrganizationScope? Read(ParseResult parse)
    {
        var include = parse.GetValue(Include) ?? [];
        var exclude = parse.GetValue(Exclude) ?? [];
        var ou = parse.GetValue(Ou) ?? [];
        if (!parse.GetValue(Org))
        {
            if (include.Length + exclude.Length + ou.Length > 0 || parse.GetResult(RoleName) is { Implicit: false })
                throw new UsageError("--role-name, --include-account, --exclude-account and --ou choose accounts of the organization; add --org.");
            return null;
        }
        var roleName = parse.GetValue(RoleName)!;
        if (roleName.Length == 0 || roleName.Contains(':'))
            throw new UsageError($"--role-name '{roleName}' is not a role name; give the name only (e.g. {OrganizationScope.DefaultRoleName}), not an ARN.");
        return new OrganizationScope { RoleName = roleName, Include = include, Exclude = exclude, OrganizationalUnits = ou };
    }
}
