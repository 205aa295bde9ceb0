using System.CommandLine;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Runner.Cli;

/// <summary>The AWS options shared by `scan --aws` and `collect aws`.</summary>
public sealed class AwsCommandOptions
{
    public Option<string?> Profile { get; } = new("--profile") { Description = "AWS profile to start from (default: the SDK credential chain: environment, default profile or SSO, web identity, container or instance role)." };
    public Option<string[]> RoleArn { get; } = new("--role-arn") { Description = "Role to assume, one account each (repeatable: one scan across several accounts)." };
    public Option<string?> Regions { get; } = new("--regions") { Description = "Comma-separated regions, or 'all' (default): every region enabled in the account." };
    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "Send every AWS call to this endpoint (an emulator such as moto)." };

    public Option<int> MaxAccounts { get; } = new("--max-accounts") { Description = "Accounts read at the same time (default 4); each reads its regions and services in parallel too.", DefaultValueFactory = _ => 4 };
    public OrgCommandOptions Organization { get; } = new(shortFilterNames: false);

    public IEnumerable<Option> All => [Profile, RoleArn, Regions, EndpointUrl, MaxAccounts, .. Organization.All];

    /// <summary>The collect options, or an error sentence for a bad value.</summary>
    public (AwsCollectOptions? Options, string? Error) Read(ParseResult parse)
    {
        Uri? endpoint = null;
        if (parse.GetValue(EndpointUrl) is { } text && (endpoint = AwsCollectOptions.ParseEndpoint(text)) is null)
            return (null, $"--endpoint-url '{text}' is not an http(s) URL.");
        // An empty --regions "" (an unset CI variable) would read no region at all and pass; it is a mistake.
        if (parse.GetResult(Regions) is not null && AwsCollectOptions.ParseRegions(parse.GetValue(Regions)) is { Count: 0 })
            return (null, "--regions is empty; give comma-separated regions (us-east-1,eu-west-1) or 'all'.");
        if (parse.GetValue(MaxAccounts) < 1) return (null, "--max-accounts must be at least 1.");
        return (new AwsCollectOptions
        {
            Profile = parse.GetValue(Profile),
            RoleArns = parse.GetValue(RoleArn) ?? [],
            Regions = AwsCollectOptions.ParseRegions(parse.GetValue(Regions)),
            EndpointUrl = endpoint,
            MaxAccountsInParallel = parse.GetValue(MaxAccounts),
            Organization = Organization.Read(parse),
        }, null);
    }
}
