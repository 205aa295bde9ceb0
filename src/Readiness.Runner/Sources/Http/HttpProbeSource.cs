using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Http;

/// <summary>
/// Probes each target with a small fixed set of requests (see <see cref="HttpPurposes"/>) and records the exchanges.
/// It never follows links, only the target's own redirects. A target that cannot be fetched (DNS, refused, timeout,
/// TLS) is a coverage gap, never a pass; a missing plain-HTTP listener is recorded as an observation, not a gap.
/// </summary>
public sealed class HttpProbeSource(IReadOnlyList<HttpProbeTarget> targets, HttpProbeOptions options) : IEvidenceSource
{
    public string Name => "http";

    public async Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.Concurrency);
        var tasks = targets.DistinctBy(t => t.Url, StringComparer.Ordinal).Select(async target =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var observed = await new TargetProbe(target, options, collector.Coverage).RunAsync(cancellationToken);
                if (observed is not null) collector.Add(observed);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    /// <summary>The probes of one target, with their own connection pool, certificate record and request budget.</summary>
    private sealed class TargetProbe(HttpProbeTarget target, HttpProbeOptions options, Coverage coverage)
    {
        private readonly bool insecure = target.Insecure ?? options.Insecure;
        private string? certificateProblem;
        private TlsCertificate? certificate;
        private int requestsLeft = options.RequestBudget;

        // The hosts probes may reach: the target's own (and its explicit plain-HTTP form's). A redirect anywhere else
        // ends the chain there, so no probe, the malformed POST included, is ever sent to a host the user did not name.
        private readonly HashSet<string> ownHosts = new[] { target.Url, target.HttpUrl }.OfType<string>()
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed.Host : "").ToHashSet(StringComparer.OrdinalIgnoreCase);

        public async Task<HttpTarget?> RunAsync(CancellationToken cancellationToken)
        {
            if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                Gap("not an absolute http:// or https:// URL");
                return null;
            }
            coverage.Count("http.targets");
            using var handler = CreateHandler();
            using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var exchanges = new List<HttpExchange>();

            HttpExchange page;
            try
            {
                page = await SendAsync(client, HttpPurposes.Page, HttpMethod.Get, url, [], null, options.MaxRedirects, cancellationToken);
            }
            catch (ProbeFailure failure)
            {
                Gap(failure.Message);
                return new HttpTarget { Url = target.Url, Insecure = insecure, CertificateProblem = certificateProblem, Failure = failure.Message };
            }
            if (page.LeftOriginTo is { } elsewhere)
            {
                var reason = $"the page redirects to another host ({elsewhere}); probes never leave the target's origin, so it was not followed and nothing was judged: scan {elsewhere} as a target of its own";
                Gap(reason);
                return new HttpTarget { Url = target.Url, Insecure = insecure, CertificateProblem = certificateProblem, Failure = reason, Exchanges = [page] };
            }
            exchanges.Add(page);
            if (IsRedirect(page.Status)) Gap($"the page still redirects after {options.MaxRedirects} redirects (last: {page.FinalUrl}); headers were judged on that redirect");

            await AddHttpVariantAsync(client, url, page, exchanges, cancellationToken);

            // The other probes go to where the page really is, so a redirect to www. does not hide its error pages.
            var final = new Uri(page.FinalUrl);
            var origin = final.GetLeftPart(UriPartial.Authority);
            var missing = new Uri($"{origin}/readiness-probe-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}-missing");
            var malformedUrl = new UriBuilder(final) { Query = "readiness_probe=%27%22%3E" }.Uri;
            var foreign = new KeyValuePair<string, string>("Origin", HttpPurposes.ForeignOrigin);
            var probes = new List<(string Purpose, HttpMethod Method, Uri Url, KeyValuePair<string, string>[] Headers, string? Body, int Redirects)>
            {
                (HttpPurposes.MissingPath, HttpMethod.Get, missing, [], null, options.MaxRedirects),
                (HttpPurposes.Malformed, HttpMethod.Post, malformedUrl, [], "{\"readiness_probe\": \"'", 0),
                (HttpPurposes.CorsPreflight, HttpMethod.Options, final,
                    [foreign, new("Access-Control-Request-Method", "GET"), new("Access-Control-Request-Headers", "content-type")], null, 0),
                (HttpPurposes.CorsGet, HttpMethod.Get, final, [foreign], null, 0),
            };
            // Exposed files and pages: fixed paths on the page's own origin, one request each, redirects not followed
            // (a redirect is not an exposed file); the page's folder only when it is not the page itself.
            foreach (var (purpose, path) in HttpPurposes.ExposedPaths) probes.Add((purpose, HttpMethod.Get, new Uri(origin + path), [], null, 0));
            var folder = new Uri(final, "./");
            if (folder.AbsolutePath != final.AbsolutePath) probes.Add((HttpPurposes.DirectoryListing, HttpMethod.Get, folder, [], null, 0));
            if (OpenRedirectProbe(url, page) is { } openRedirect) probes.Add((HttpPurposes.OpenRedirect, HttpMethod.Get, openRedirect, [], null, 0));
            probes.Add((HttpPurposes.Trace, new HttpMethod("TRACE"), final,
                [new(HttpPurposes.TraceMarkerHeader, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)))], null, 0));
            foreach (var probe in probes)
            {
                try
                {
                    exchanges.Add(await SendAsync(client, probe.Purpose, probe.Method, probe.Url, probe.Headers, probe.Body, probe.Redirects, cancellationToken));
                }
                catch (ProbeFailure failure) when (probe.Purpose == HttpPurposes.Trace && !failure.BudgetExhausted)
                {
                    // Servers and firewalls often drop TRACE outright: an unusable TRACE is the safe answer, so say so and go on.
                    exchanges.Add(new HttpExchange { Purpose = probe.Purpose, Method = probe.Method.Method, Url = probe.Url.AbsoluteUri, Failure = failure.Message });
                    coverage.AddSkip(new CoverageSkip(EvidenceSource.Http, target.Url, $"TRACE got no answer ({failure.Message}); TRACE counts as disabled"));
                }
                catch (ProbeFailure failure)
                {
                    Gap($"{probe.Purpose} probe ({probe.Method} {probe.Url}): {failure.Message}");
                    if (failure.BudgetExhausted) break;
                }
            }
            var legacy = final.Scheme == Uri.UriSchemeHttps ? await LegacyProtocolsAsync(final, cancellationToken) : [];
            return new HttpTarget
            {
                Url = target.Url, Insecure = insecure, CertificateProblem = certificateProblem, Certificate = certificate, LegacyProtocols = legacy,
                Exchanges = exchanges,
            };
        }

        /// <summary>The plain-HTTP form: the page itself for an http:// target, else the explicit or port-80 URL.</summary>
        private async Task AddHttpVariantAsync(HttpClient client, Uri url, HttpExchange page, List<HttpExchange> exchanges, CancellationToken cancellationToken)
        {
            if (url.Scheme == Uri.UriSchemeHttp)
            {
                exchanges.Add(page with { Purpose = HttpPurposes.HttpVariant });
                return;
            }
            Uri? plain = target.HttpUrl is not null ? new Uri(target.HttpUrl) : url.IsDefaultPort ? new UriBuilder(url) { Scheme = "http", Port = 80 }.Uri : null;
            if (plain is null)
            {
                coverage.AddSkip(new CoverageSkip(EvidenceSource.Http, target.Url,
                    "HTTPS on a non-default port: the plain-HTTP URL is unknown, so the HTTPS redirect was not tested (set http_url for this target)"));
                return;
            }
            try
            {
                exchanges.Add(await SendAsync(client, HttpPurposes.HttpVariant, HttpMethod.Get, plain, [], null, options.MaxRedirects, cancellationToken));
            }
            catch (ProbeFailure failure) when (failure.NoListener)
            {
                // Nothing listening on plain HTTP is a valid setup: there is nothing to redirect.
                exchanges.Add(new HttpExchange { Purpose = HttpPurposes.HttpVariant, Method = "GET", Url = plain.AbsoluteUri, Failure = failure.Message });
            }
            catch (ProbeFailure failure)
            {
                Gap($"{HttpPurposes.HttpVariant} probe (GET {plain}): {failure.Message}");
            }
        }

        /// <summary>
        /// The target URL with one query parameter set to the foreign origin, when the page's first redirect pointed to
        /// that parameter's value (so the page redirects with it); null otherwise. Never found by crawling.
        /// </summary>
        private static Uri? OpenRedirectProbe(Uri url, HttpExchange page)
        {
            var location = page.Hops.FirstOrDefault()?.To;
            if (location is null || url.Query.Length < 2) return null;
            var pairs = url.Query[1..].Split('&').Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2).ToList();
            foreach (var kv in pairs)
            {
                var value = Uri.UnescapeDataString(kv[1].Replace('+', ' '));
                if (value.Length < 2 || !Uri.TryCreate(new Uri(page.Url), value, out var pointed) || pointed.AbsoluteUri != location) continue;
                var query = string.Join('&', pairs.Select(p => p == kv ? $"{p[0]}={Uri.EscapeDataString(HttpPurposes.ForeignOrigin + "/")}" : $"{p[0]}={p[1]}"));
                return new UriBuilder(url) { Query = query }.Uri;
            }
            return null;
        }

        /// <summary>
        /// One ClientHello each offering only TLS 1.0, then only TLS 1.1 (see <see cref="LegacyTlsProbe"/>). A server
        /// that does not answer in time leaves the question open: recorded as unknown and listed in the coverage,
        /// never as "not accepted".
        /// </summary>
        private async Task<IReadOnlyList<TlsProtocolCheck>> LegacyProtocolsAsync(Uri url, CancellationToken cancellationToken)
        {
            var checks = new List<TlsProtocolCheck>();
            foreach (var version in new[] { LegacyTlsProbe.Tls10, LegacyTlsProbe.Tls11 })
            {
                var check = await LegacyTlsProbe.ProbeAsync(url.Host, url.Port, version, options.Timeout, cancellationToken);
                coverage.Count("http.tls-handshakes");
                if (check.Accepted is null) coverage.AddSkip(new CoverageSkip(EvidenceSource.Http, target.Url, $"{check.Protocol} not tested: {check.Note}"));
                checks.Add(check);
            }
            return checks;
        }

        private SocketsHttpHandler CreateHandler() => new()
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                {
                    if (presented is X509Certificate2 x509)
                    {
                        certificate ??= new TlsCertificate(x509.Subject, x509.NotBefore.ToUniversalTime(), x509.NotAfter.ToUniversalTime(),
                            NameMatches: !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch),
                            ChainTrusted: !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors));
                    }
                    if (errors == SslPolicyErrors.None) return true;
                    certificateProblem = Describe(errors, presented as X509Certificate2);
                    return insecure;
                },
            },
        };

        // Our own connect step, so DNS failures, refusals and connect timeouts are told apart reliably.
        private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(options.Timeout);
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, connectTimeout.Token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new ProbeFailure($"connection to {context.DnsEndPoint.Host}:{context.DnsEndPoint.Port} timed out after {Seconds(options.Timeout)}", noListener: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        private async Task<HttpExchange> SendAsync(HttpClient client, string purpose, HttpMethod method, Uri url,
            KeyValuePair<string, string>[] headers, string? body, int maxRedirects, CancellationToken cancellationToken)
        {
            var redirects = new List<HttpRedirect>();
            var current = url;
            while (true)
            {
                if (requestsLeft-- <= 0) throw new ProbeFailure($"request budget of {options.RequestBudget} exhausted", budgetExhausted: true);
                coverage.Count("http.requests");
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                using var request = new HttpRequestMessage(redirects.Count == 0 ? method : HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
                foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
                if (body is not null && redirects.Count == 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location is { } l ? new Uri(current, l) : null;
                    var followable = IsRedirect(status) && location is not null && (location.Scheme == Uri.UriSchemeHttp || location.Scheme == Uri.UriSchemeHttps);
                    var leavesOrigin = followable && !ownHosts.Contains(location!.Host);
                    if (followable && !leavesOrigin && redirects.Count < maxRedirects)
                    {
                        redirects.Add(new HttpRedirect(status, current.AbsoluteUri, location!.AbsoluteUri) { ResponseHeaders = Headers(response) });
                        current = location;
                        continue;
                    }
                    return new HttpExchange
                    {
                        Purpose = purpose,
                        Method = method.Method,
                        Url = url.AbsoluteUri,
                        RequestHeaders = headers,
                        Status = status,
                        ResponseHeaders = Headers(response),
                        BodyExcerpt = await ReadBodyAsync(response, timeout.Token),
                        RedirectLocation = redirects.Count > 0 ? redirects[0].To : location?.AbsoluteUri,
                        Redirects = redirects,
                        LeftOriginTo = leavesOrigin ? location!.AbsoluteUri : null,
                    };
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new ProbeFailure($"no response from {current} within {Seconds(options.Timeout)} (timeout)");
                }
                catch (HttpRequestException ex)
                {
                    throw Classify(ex, current);
                }
            }
        }

        private async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[options.MaxBodyBytes];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0) break;
                read += n;
            }
            return Encoding.UTF8.GetString(buffer, 0, read);
        }

        private static List<KeyValuePair<string, string>> Headers(HttpResponseMessage response)
        {
            var all = new List<KeyValuePair<string, string>>();
            foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            {
                foreach (var value in values) all.Add(new(name, value));
            }
            return all;
        }

        private ProbeFailure Classify(HttpRequestException ex, Uri url)
        {
            if (Find<ProbeFailure>(ex) is { } own) return own;
            if (Find<AuthenticationException>(ex) is not null || ex.HttpRequestError == HttpRequestError.SecureConnectionError)
            {
                return certificateProblem is not null && !insecure
                    ? new ProbeFailure($"TLS certificate of {url.Host} is not trusted ({certificateProblem}); for a staging server with a self-signed certificate pass --insecure")
                    : new ProbeFailure($"TLS handshake with {url.Host}:{url.Port} failed: {Innermost(ex).Message}");
            }
            var socket = Find<SocketException>(ex);
            return socket?.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData =>
                    new ProbeFailure($"DNS lookup failed for {url.Host} ({socket.Message})"),
                SocketError.ConnectionRefused => new ProbeFailure($"connection to {url.Host}:{url.Port} refused", noListener: true),
                SocketError.TimedOut => new ProbeFailure($"connection to {url.Host}:{url.Port} timed out", noListener: true),
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => new ProbeFailure($"{url.Host}:{url.Port} is unreachable ({socket.Message})"),
                _ when ex.HttpRequestError == HttpRequestError.NameResolutionError => new ProbeFailure($"DNS lookup failed for {url.Host}"),
                _ => new ProbeFailure($"request to {url} failed: {Innermost(ex).Message}"),
            };
        }

        private void Gap(string reason) => coverage.AddGap(new CoverageGap(EvidenceSource.Http, target.Url, reason));

        private static T? Find<T>(Exception ex) where T : Exception
        {
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                if (e is T match) return match;
            }
            return null;
        }

        private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);

        /// <summary>What is wrong with the certificate, naming an expired or not-yet-valid one as such, with its date.</summary>
        private static string Describe(SslPolicyErrors errors, X509Certificate2? presented)
        {
            var problems = new List<string>();
            var now = DateTime.UtcNow;
            if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) problems.Add("no certificate was presented");
            if (presented is not null && presented.NotAfter.ToUniversalTime() < now)
                problems.Add($"the certificate expired on {presented.NotAfter.ToUniversalTime():yyyy-MM-dd}");
            else if (presented is not null && presented.NotBefore.ToUniversalTime() > now)
                problems.Add($"the certificate is not valid before {presented.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
            else if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
                problems.Add("the certificate chain is not trusted, e.g. self-signed");
            if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                problems.Add($"the certificate does not name this host{(presented is null ? "" : $" (it is issued to {presented.GetNameInfo(X509NameType.DnsName, false)})")}");
            return problems.Count > 0 ? string.Join("; ", problems) : errors.ToString();
        }
    }

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>Why a probe got no response. NoListener: nothing accepted the connection (refused or connect timeout).</summary>
    private sealed class ProbeFailure(string message, bool noListener = false, bool budgetExhausted = false) : Exception(message)
    {
        public bool NoListener { get; } = noListener;
        public bool BudgetExhausted { get; } = budgetExhausted;
    }
}
