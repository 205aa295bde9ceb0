namespace Readiness.Runner.Sources.Http;

/// <summary>
/// One URL to probe. <see cref="HttpUrl"/> names the plain-HTTP form explicitly (needed when HTTPS is on a non-default
/// port, so port 80 cannot be assumed); <see cref="Insecure"/> overrides the scan-wide --insecure for this target.
/// </summary>
public sealed record HttpProbeTarget(string Url)
{
    public string? HttpUrl { get; init; }
    public bool? Insecure { get; init; }
}

/// <summary>Bounds of the prober: it sends at most <see cref="RequestBudget"/> requests per target and never crawls.</summary>
public sealed record HttpProbeOptions
{
    /// <summary>Targets probed at the same time (each target's probes run one after another).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Per request: connecting, the TLS handshake, the headers and the bounded body must all arrive within it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Redirects followed for the page and the plain-HTTP variant.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// Requests per target, redirect hops included: at most 16 probes (docs/http.md) plus three redirect chains of 5,
    /// and one to spare. It was 20 before the exposed-file, directory, open-redirect and TRACE probes (10) were added.
    /// </summary>
    public int RequestBudget { get; init; } = 32;

    /// <summary>Body bytes read per response (error pages put their tell-tale text anywhere in the first part).</summary>
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Accept certificates that do not validate (staging with self-signed certificates); recorded on each target.</summary>
    public bool Insecure { get; init; }

    public string UserAgent { get; init; } = "readiness/0.1 (launch-readiness scan; +https://github.com/readiness)";

    /// <summary>A configuration error in these values, or null when they are usable.</summary>
    public string? Validate() =>
        Concurrency < 1 ? "http concurrency must be at least 1"
        : Timeout <= TimeSpan.Zero ? "http timeout must be positive"
        : MaxRedirects < 0 ? "http max_redirects cannot be negative"
        : RequestBudget < 1 ? "http request_budget must be at least 1"
        : MaxBodyBytes < 1024 ? "http max_body_bytes must be at least 1024"
        : null;
}
