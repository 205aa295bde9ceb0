namespace Readiness.Rules.Model;

/// <summary>
/// Where a finding lives. Any of the three parts may be present: an IaC finding has a file and a resource,
/// a live AWS finding linked to its Terraform definition has both too, an HTTP finding has an endpoint.
/// </summary>
public sealed record Location
{
    public FileSpan? File { get; init; }
    public ResourceRef? Resource { get; init; }
    public string? Endpoint { get; init; }

    /// <summary>For a live value: the API field it was read from ("DescribeDBInstances.DBInstances[].PubliclyAccessible").</summary>
    public string? Field { get; init; }

    /// <summary>Other places that explain the finding: the attribute and module argument a tfvars value travelled through.</summary>
    public IReadOnlyList<RelatedLocation>? Related { get; init; }

    public static Location InFile(string path, int startLine, int endLine = 0, int startColumn = 0, int endColumn = 0) =>
        new() { File = new FileSpan(path, startLine, endLine == 0 ? startLine : endLine, startColumn, endColumn) };

    public static Location AtEndpoint(string url) => new() { Endpoint = url };

    /// <summary>A short human form: "path:line", the ARN or resource address (with the API field of a live value), or the URL.</summary>
    public string Display()
    {
        var parts = new List<string>();
        if (File is not null) parts.Add(File.Display());
        if (Resource is not null) parts.Add(Field is null ? Resource.Display() : $"{Resource.Display()} ({Field})");
        if (Endpoint is not null) parts.Add(Endpoint);
        return string.Join(" ", parts);
    }
}

/// <summary>A place related to a finding's location, with what it is ("module argument", "attribute").</summary>
public sealed record RelatedLocation(FileSpan File, string Message);

/// <summary>A repository-relative path (forward slashes) and a 1-based line range; columns are 1-based, 0 when unknown.</summary>
public sealed record FileSpan(string Path, int StartLine, int EndLine, int StartColumn = 0, int EndColumn = 0)
{
    public string Display() => StartLine > 0 ? $"{Path}:{StartLine}" : Path;
}

/// <summary>
/// A cloud resource's identity. Address is the Terraform address or CloudFormation logical id for IaC;
/// Arn, Account and Region are set for live resources (and for IaC when they are known).
/// </summary>
public sealed record ResourceRef
{
    public string Provider { get; init; } = "aws";
    public string? Account { get; init; }
    public string? Region { get; init; }
    public required string Service { get; init; }
    public required string Type { get; init; }
    public required string Id { get; init; }
    public string? Arn { get; init; }
    public string? Address { get; init; }

    public string Display() => Arn ?? Address ?? $"{Service}/{Type}/{Id}";

    /// <summary>Stable synthetic path for resources that have no file, used where a path is required (SARIF).</summary>
    public string SyntheticPath() =>
        $"cloud/{Provider}/{Account ?? "unknown-account"}/{Region ?? "global"}/{Service}/{Type}/{Id}";
}
