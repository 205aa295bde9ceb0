namespace Readiness.Rules.Model;

/// <summary>
/// What the HTTP prober observed for one target URL: a small bounded set of exchanges, each tagged with its purpose,
/// so rules judge real responses without doing any I/O.
/// </summary>
public sealed class HttpTarget
{
    public required string Url { get; init; }

    /// <summary>True when certificate validation was turned off for this target (--insecure); reports show it.</summary>
    public bool Insecure { get; init; }

    public IReadOnlyList<HttpExchange> Exchanges { get; init; } = [];

    public HttpExchange? Exchange(string purpose) => Exchanges.FirstOrDefault(e => e.Purpose == purpose);
}

/// <summary>One request and its response. Header names compare case-insensitively; BodyExcerpt is bounded.</summary>
public sealed record HttpExchange
{
    /// <summary>One of <see cref="HttpPurposes"/>.</summary>
    public required string Purpose { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];
    public int Status { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    public string BodyExcerpt { get; init; } = "";

    /// <summary>Where a redirect pointed (the Location header), when the response was a redirect.</summary>
    public string? RedirectLocation { get; init; }

    public IEnumerable<string> Headers(string name) =>
        ResponseHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => Headers(name).FirstOrDefault();
}

public static class HttpPurposes
{
    public const string Page = "page";
    public const string HttpVariant = "http-variant";
    public const string MissingPath = "missing-path";
    public const string Malformed = "malformed";
    public const string CorsPreflight = "cors-preflight";
}
