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

    /// <summary>
    /// What was wrong with the server's certificate (e.g. "RemoteCertificateChainErrors"), recorded when --insecure let
    /// the scan go on anyway; null when the certificate was valid or the target was plain HTTP.
    /// </summary>
    public string? CertificateProblem { get; init; }

    /// <summary>Why the page itself could not be fetched (DNS, refused, timeout, TLS); the target then has no verdicts.</summary>
    public string? Failure { get; init; }

    /// <summary>The certificate the HTTPS server presented, when the page was fetched over TLS.</summary>
    public TlsCertificate? Certificate { get; init; }

    /// <summary>What the legacy-protocol handshakes (TLS 1.0, 1.1) found; empty when they were not tried.</summary>
    public IReadOnlyList<TlsProtocolCheck> LegacyProtocols { get; init; } = [];

    public IReadOnlyList<HttpExchange> Exchanges { get; init; } = [];

    public HttpExchange? Exchange(string purpose) => Exchanges.FirstOrDefault(e => e.Purpose == purpose);

    /// <summary>The exchanges that got a response (a probe may record a failure instead, e.g. no plain-HTTP listener).</summary>
    public IEnumerable<HttpExchange> Answered => Exchanges.Where(e => e.Failure is null);
}

/// <summary>
/// One request and its response, after following at most the configured number of redirects. Header names compare
/// case-insensitively; BodyExcerpt is bounded. Status, headers and body are those of the final response.
/// </summary>
public sealed record HttpExchange
{
    /// <summary>One of <see cref="HttpPurposes"/>.</summary>
    public required string Purpose { get; init; }
    public required string Method { get; init; }

    /// <summary>The URL first requested.</summary>
    public required string Url { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];
    public int Status { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    public string BodyExcerpt { get; init; } = "";

    /// <summary>Where the first response redirected to (its Location header, made absolute), when it was a redirect.</summary>
    public string? RedirectLocation { get; init; }

    /// <summary>
    /// Where a redirect pointed to another host: the chain ends there (probes never leave the target's origin), so the
    /// status, headers and body are those of that redirect. Null when the chain stayed on the target's host.
    /// </summary>
    public string? LeftOriginTo { get; init; }

    /// <summary>Every redirect followed, in order; empty when the first response was final.</summary>
    public IReadOnlyList<HttpRedirect> Redirects { get; init; } = [];

    /// <summary>The URL of the final response: <see cref="Url"/> when no redirect was followed.</summary>
    public string FinalUrl => Redirects.Count == 0 ? Url : Redirects[^1].To;

    /// <summary>Every redirect seen: those followed, then the one to another host that ended the chain, if any.</summary>
    public IReadOnlyList<HttpRedirect> Hops =>
        LeftOriginTo is null ? Redirects : [.. Redirects, new HttpRedirect(Status, FinalUrl, LeftOriginTo)];

    /// <summary>Where the chain points in the end: the other host it was not followed to, else <see cref="FinalUrl"/>.</summary>
    public string Destination => LeftOriginTo ?? FinalUrl;

    /// <summary>Why no response came back (e.g. "connection refused"), when the probe tolerates it; null otherwise.</summary>
    public string? Failure { get; init; }

    public IEnumerable<string> Headers(string name) =>
        ResponseHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => Headers(name).FirstOrDefault();

    /// <summary>A header's values on every response of the chain: each redirect hop, then the final response.</summary>
    public IEnumerable<(string Url, string Value)> HeadersOnChain(string name) =>
        Redirects.SelectMany(r => r.ResponseHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => (r.From, h.Value)))
            .Concat(Headers(name).Select(v => (FinalUrl, v)));

    public bool IsHttps => FinalUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One redirect hop: the status of the redirecting response, where it was and where it pointed, and that response's
/// headers (cookies set on a redirect count like any other).
/// </summary>
public sealed record HttpRedirect(int Status, string From, string To)
{
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    public bool Equals(HttpRedirect? other) => other is not null && Status == other.Status && From == other.From && To == other.To;

    public override int GetHashCode() => HashCode.Combine(Status, From, To);
}

/// <summary>The server certificate as presented: validity dates, whether it names the host, and the chain verdict.</summary>
public sealed record TlsCertificate(string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool NameMatches, bool ChainTrusted);

/// <summary>
/// One handshake offering only a legacy protocol. Accepted is null when this machine could not offer the protocol
/// (the OS or its TLS library has it disabled), so nothing is known; Note says why.
/// </summary>
public sealed record TlsProtocolCheck(string Protocol, bool? Accepted, string Note);

public static class HttpPurposes
{
    /// <summary>The target URL itself (GET), redirects followed.</summary>
    public const string Page = "page";

    /// <summary>The plain-HTTP form of the target, to see whether it redirects to HTTPS.</summary>
    public const string HttpVariant = "http-variant";

    /// <summary>A random path that should not exist, to see the 404 page.</summary>
    public const string MissingPath = "missing-path";

    /// <summary>A POST with a truncated JSON body and a stray quote in the query, to see the error page.</summary>
    public const string Malformed = "malformed";

    /// <summary>An OPTIONS preflight from a foreign Origin.</summary>
    public const string CorsPreflight = "cors-preflight";

    /// <summary>A simple GET from the same foreign Origin, to see whether it is reflected with credentials.</summary>
    public const string CorsGet = "cors-get";

    /// <summary>GET /.git/HEAD: a deployed Git folder lets anyone download the source and its history.</summary>
    public const string GitHead = "git-head";

    /// <summary>GET /.env: the environment file with the application's secrets.</summary>
    public const string EnvFile = "env-file";

    /// <summary>GET /.DS_Store: a macOS folder index that lists file names.</summary>
    public const string DsStore = "ds-store";

    /// <summary>GET the page's folder (when it is not the page itself), to see a directory listing.</summary>
    public const string DirectoryListing = "directory-listing";

    /// <summary>GET /server-status: Apache mod_status (clients, URLs being served).</summary>
    public const string ServerStatus = "server-status";

    /// <summary>GET /actuator/env: Spring Boot's environment, with configuration and often credentials.</summary>
    public const string ActuatorEnv = "actuator-env";

    /// <summary>GET /phpinfo.php: PHP's full configuration and environment.</summary>
    public const string PhpInfo = "phpinfo";

    /// <summary>GET /admin/: a framework admin login (Django admin and others).</summary>
    public const string AdminLogin = "admin-login";

    /// <summary>One TRACE request with a marker header: an echo means TRACE is enabled.</summary>
    public const string Trace = "trace";

    /// <summary>The fixed paths probed for exposed files and pages, each one bounded request without redirects.</summary>
    public static readonly IReadOnlyList<(string Purpose, string Path)> ExposedPaths =
    [
        (GitHead, "/.git/HEAD"), (EnvFile, "/.env"), (DsStore, "/.DS_Store"), (ServerStatus, "/server-status"),
        (ActuatorEnv, "/actuator/env"), (PhpInfo, "/phpinfo.php"), (AdminLogin, "/admin/"),
    ];

    /// <summary>
    /// The page again with the query parameter it redirected to replaced by <see cref="ForeignOrigin"/>, sent only when
    /// the page's own redirect carried that parameter's value; the redirect is not followed.
    /// </summary>
    public const string OpenRedirect = "open-redirect";

    /// <summary>The header the TRACE probe sends; a server that echoes it back has TRACE enabled.</summary>
    public const string TraceMarkerHeader = "X-Readiness-Trace";

    /// <summary>The foreign Origin the CORS probes send; reflecting it back means any site is trusted.</summary>
    public const string ForeignOrigin = "https://readiness-probe.example";
}
