using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Readiness.Runner.Sources.Aws;

/// <summary>Why a call failed for good: what the coverage gap says.</summary>
public enum AwsFailure
{
    AccessDenied,
    Throttled,
    Timeout,
    Unreachable,
    Error,
}

/// <summary>A call that failed after its retries. The collector turns it into a coverage gap for the service and region.</summary>
public sealed class AwsCallException(AwsFailure failure, string service, string region, string operation, string? code, string detail)
    : Exception($"{service} {operation} in {region} failed: {code ?? failure.ToString()}: {detail}")
{
    public AwsFailure Failure { get; } = failure;
    public string Service { get; } = service;
    public string Region { get; } = region;
    public string Operation { get; } = operation;
    public string? Code { get; } = code;
    public string Detail { get; } = detail;
}

/// <summary>One HTTP call to an AWS API, before signing.</summary>
public sealed record AwsCall
{
    /// <summary>Service short name, used for concurrency limits and gaps (e.g. "ec2", "elbv2").</summary>
    public required string Service { get; init; }
    /// <summary>The SigV4 signing name (e.g. "elasticloadbalancing").</summary>
    public required string SigningName { get; init; }
    public required string Region { get; init; }
    public required string Operation { get; init; }
    public required Uri Uri { get; init; }
    public HttpMethod Method { get; init; } = HttpMethod.Post;
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

public sealed record AwsTransportOptions
{
    /// <summary>Attempts per call, the first included, for throttling, 5xx, timeouts and network errors.</summary>
    public int MaxAttempts { get; init; } = 6;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls in flight at once per service and region (AWS rate limits are per account, service and region).</summary>
    public int ConcurrencyPerService { get; init; } = 4;

    /// <summary>
    /// Time for all calls of one service in one region, retries included, from its first call: one hung endpoint costs
    /// at most this, then that service-region is a gap.
    /// </summary>
    public TimeSpan ServiceDeadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest answer body read; a larger one is a gap (no AWS list page comes near it).</summary>
    public long MaxResponseBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Pages read from one list call; more (or a token that repeats) is a gap rather than an endless loop.</summary>
    public int MaxPages { get; init; } = 1000;
}

/// <summary>
/// Sends signed calls with retries (exponential backoff with full jitter) on throttling, 5xx, timeouts and network
/// errors, a concurrency limit per service and region, a timeout per attempt, a deadline per service and region and a
/// bound on the answer's size. Counts every attempt it sends.
/// </summary>
public sealed class AwsTransport(HttpClient http, AwsTransportOptions? options = null)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "BandwidthLimitExceeded",
        "ProvisionedThroughputExceededException", "EC2ThrottledException", "TransactionInProgressException",
    };

    private static readonly HashSet<string> DeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError",
        "AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException", "OptInRequired", "SignatureDoesNotMatch",
        "WAFAccessDeniedException", "ExpiredToken", "ExpiredTokenException",
    };

    private readonly AwsTransportOptions options = options ?? new AwsTransportOptions();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> limits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> deadlines = new(StringComparer.Ordinal);

    public AwsTransportOptions Options => options;

    /// <summary>Attempts sent, by "service:Operation".</summary>
    public IReadOnlyDictionary<string, long> Calls => new Dictionary<string, long>(calls);

    public long TotalCalls => calls.Values.Sum();

    public async Task<string> SendAsync(AwsCall call, ImmutableCredentials credentials, CancellationToken cancellationToken)
    {
        var key = call.Service + "/" + call.Region;
        var limit = limits.GetOrAdd(key, _ => new SemaphoreSlim(options.ConcurrencyPerService));
        var deadline = deadlines.GetOrAdd(key, _ => new CancellationTokenSource(options.ServiceDeadline)).Token;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        try
        {
            return await SendWithRetriesAsync(call, credentials, limit, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AwsCallException(AwsFailure.Timeout, call.Service, call.Region, call.Operation, "Deadline",
                $"the {options.ServiceDeadline.TotalSeconds:0} s deadline for {call.Service} in {call.Region} passed");
        }
    }

    private async Task<string> SendWithRetriesAsync(AwsCall call, ImmutableCredentials credentials, SemaphoreSlim limit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            (bool Retry, AwsCallException Error) outcome;
            await limit.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                calls.AddOrUpdate(call.Service + ":" + call.Operation, 1, (_, n) => n + 1);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.AttemptTimeout);
                try
                {
                    using var request = Build(call, credentials);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    var text = await ReadBoundedAsync(call, response, timeout.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode) return text;
                    outcome = Classify(call, response, text);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    outcome = (true, new AwsCallException(AwsFailure.Timeout, call.Service, call.Region, call.Operation, null,
                        $"no answer within {options.AttemptTimeout.TotalSeconds:0} s"));
                }
                catch (HttpRequestException e)
                {
                    outcome = (true, new AwsCallException(AwsFailure.Unreachable, call.Service, call.Region, call.Operation, null,
                        $"{call.Uri.Host} could not be reached ({e.HttpRequestError})"));
                }
                catch (IOException e)
                {
                    // The connection broke while the answer was being read (reset, closed early).
                    outcome = (true, new AwsCallException(AwsFailure.Unreachable, call.Service, call.Region, call.Operation, null,
                        $"the connection to {call.Uri.Host} broke while reading the answer ({e.Message})"));
                }
            }
            finally
            {
                limit.Release();
            }

            if (!outcome.Retry || attempt >= options.MaxAttempts) throw outcome.Error;
            await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The body as text, refusing (without buffering) one larger than <see cref="AwsTransportOptions.MaxResponseBytes"/>.</summary>
    private async Task<string> ReadBoundedAsync(AwsCall call, HttpResponseMessage response, CancellationToken ct)
    {
        AwsCallException TooLarge() => new(AwsFailure.Error, call.Service, call.Region, call.Operation, "ResponseTooLarge",
            $"the answer is larger than the {options.MaxResponseBytes / 1024 / 1024} MB limit");
        if (response.Content.Headers.ContentLength > options.MaxResponseBytes) throw TooLarge();
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    /// <summary>Full jitter: a random delay up to base * 2^(attempt-1), capped.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static HttpRequestMessage Build(AwsCall call, ImmutableCredentials credentials)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        if (call.Method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(call.Body);
            if (call.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", call.ContentType);
        }
        foreach (var (name, value) in call.Headers) request.Headers.TryAddWithoutValidation(name, value);
        AwsSigner.Sign(request, call.Body, credentials, call.Region, call.SigningName, DateTime.UtcNow);
        return request;
    }

    private static (bool Retry, AwsCallException Error) Classify(AwsCall call, HttpResponseMessage response, string body)
    {
        var (code, message) = ErrorOf(response, body);
        var status = (int)response.StatusCode;
        AwsCallException Fail(AwsFailure failure) =>
            new(failure, call.Service, call.Region, call.Operation, code ?? $"HTTP {status}", message ?? response.ReasonPhrase ?? "");
        if (code is not null && ThrottlingCodes.Contains(code) || response.StatusCode == HttpStatusCode.TooManyRequests)
            return (true, Fail(AwsFailure.Throttled));
        if (code is not null && DeniedCodes.Contains(code) || response.StatusCode == HttpStatusCode.Forbidden)
            return (false, Fail(AwsFailure.AccessDenied));
        if (status >= 500) return (true, Fail(AwsFailure.Error));
        return (false, Fail(AwsFailure.Error));
    }

    /// <summary>The error code and message of an XML (query, REST-XML) or JSON error body.</summary>
    public static (string? Code, string? Message) ErrorOf(HttpResponseMessage response, string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            try
            {
                var doc = XDocument.Parse(trimmed);
                var error = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error") ?? doc.Root;
                var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                var message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                return (code, message);
            }
            catch (System.Xml.XmlException)
            {
                return (null, null);
            }
        }
        string? headerCode = response.Headers.TryGetValues("x-amzn-ErrorType", out var v) ? v.First().Split(':')[0] : null;
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(trimmed);
                var root = doc.RootElement;
                var type = root.TryGetProperty("__type", out var t) ? t.GetString() : root.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = root.TryGetProperty("message", out var m) ? m.GetString() : root.TryGetProperty("Message", out var m2) ? m2.GetString() : null;
                type ??= headerCode;
                return (type?[(type.LastIndexOf('#') + 1)..], message);
            }
            catch (JsonException)
            {
                return (headerCode, null);
            }
        }
        return (headerCode, null);
    }
}
