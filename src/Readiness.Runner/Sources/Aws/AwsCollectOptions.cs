namespace Readiness.Runner.Sources.Aws;

/// <summary>What a live collection reads: whose credentials, which accounts (roles), which regions, which endpoint.</summary>
public sealed record AwsCollectOptions
{
    public string? Profile { get; init; }

    /// <summary>Roles to assume, one account each. Empty: the starting identity's own account.</summary>
    public IReadOnlyList<string> RoleArns { get; init; } = [];

    /// <summary>Every active account of the AWS Organization (--org), besides <see cref="RoleArns"/>; null for none.</summary>
    public Services.Organizations.OrganizationScope? Organization { get; init; }

    /// <summary>Accounts read at the same time (--max-accounts): each one reads its regions and services in parallel too.</summary>
    public int MaxAccountsInParallel { get; init; } = 4;

    /// <summary>Region names, or null for every region enabled in the account (EC2 DescribeRegions).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Send every call to this endpoint (an emulator such as moto) instead of AWS.</summary>
    public Uri? EndpointUrl { get; init; }

    public AwsTransportOptions Transport { get; init; } = new();

    /// <summary>Fixed starting credentials instead of the credential chain (embedding, tests against an emulator).</summary>
    public Amazon.Runtime.ImmutableCredentials? Credentials { get; init; }

    /// <summary>An absolute http(s) URL (--endpoint-url, AWS_ENDPOINT_URL_S3), or null when <paramref name="text"/> is not one.</summary>
    public static Uri? ParseEndpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https" ? endpoint : null;

    /// <summary>Parses "--regions": a comma-separated list, or "all" (null).</summary>
    public static IReadOnlyList<string>? ParseRegions(string? text) =>
        text is null || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? null
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
