using Readiness.Rules.Model;
using Readiness.Runner.Sources.Http;
using Readiness.Tests.Support;

namespace Readiness.Tests.Http;

public sealed class HttpProbeTests
{
    [Fact]
    public async Task Leaky_server_gets_every_relevant_finding_with_its_proof()
    {
        await using var server = await TestApps.LeakyAsync();
        var url = server.HttpUrl;
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(url));

        scan.Coverage.Gaps.ShouldBeEmpty(scan.Dump());
        scan.RuleIds(url).ShouldBe(["RDY3003", "RDY3004", "RDY3006", "RDY3007", "RDY3008", "RDY3009", "RDY3010", "RDY3011", "RDY3012", "RDY3014", "RDY3025", "RDY3026", "RDY3027"], scan.Dump());

        scan.Single(url, "RDY3003").Snippet.ShouldBe($"HTTP 200 {url} (no Location header)");
        scan.Single(url, "RDY3004").Snippet.ShouldBe($"HTTP 200 {url}: no Content-Security-Policy header");
        scan.Single(url, "RDY3010", "header:server").Snippet.ShouldBe("Server: nginx/1.18.0");
        scan.Single(url, "RDY3010", "header:x-aspnet-version").Snippet.ShouldBe("X-AspNet-Version: 4.0.30319");

        var cookie = scan.Single(url, "RDY3009");
        cookie.Message.ShouldBe($"Cookie 'sessionid' set by {url} lacks Secure, HttpOnly and SameSite; set it with Secure; HttpOnly; SameSite=Lax (or Strict) so it is not sent over plain HTTP, read by scripts or sent on cross-site requests.");
        cookie.Snippet.ShouldStartWith("Set-Cookie: sessionid=s3");
        scan.Findings.ShouldAllBe(f => !(f.Snippet ?? "").Contains(TestApps.SessionValue) && !f.Message.Contains(TestApps.SessionValue));

        var debug = scan.Single(url, "RDY3011");
        debug.Properties["purpose"].ShouldBe(HttpPurposes.Malformed);
        debug.Properties["detector"].ShouldBe("aspnetcore-developer-exception-page");
        debug.Message.ShouldStartWith($"The response to a malformed request (POST {url}?readiness_probe=");

        var trace = scan.Single(url, "RDY3012");
        trace.Properties["purpose"].ShouldBe(HttpPurposes.MissingPath);
        trace.Properties["detector"].ShouldBe("dotnet-stack-trace");
        trace.Snippet.ShouldStartWith("at ");

        scan.Single(url, "RDY3014").Snippet.ShouldBe($"Access-Control-Allow-Origin: {HttpPurposes.ForeignOrigin}\nAccess-Control-Allow-Credentials: true");
        scan.Findings.ShouldAllBe(f => f.Message.EndsWith('.') && f.Source == EvidenceSource.Http);

        var grade = scan.Grade(url)!;
        grade.Letter.ShouldBe("F");
        grade.Score.ShouldBe(0);
    }

    [Fact]
    public async Task Weak_headers_over_tls_are_each_reported()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.WeakTlsAsync(certificate);
        var page = server.HttpsUrl!;
        var reportOnly = page + "report-only";
        var options = HttpScan.FastOptions with { Insecure = true };
        var scan = await HttpScan.RunAsync(options, new HttpProbeTarget(page) { HttpUrl = server.HttpUrl }, new HttpProbeTarget(reportOnly) { HttpUrl = server.HttpUrl + "report-only" });

        scan.Coverage.Gaps.ShouldBeEmpty(scan.Dump());
        scan.RuleIds(page).ShouldBe(["RDY3002", "RDY3003", "RDY3005", "RDY3006", "RDY3007", "RDY3008", "RDY3009", "RDY3025", "RDY3026"], scan.Dump());
        scan.For(page).Where(f => f.RuleId == "RDY3002").Select(f => f.FingerprintKey).Order().ShouldBe(["hsts-no-subdomains", "hsts-short-max-age"]);
        scan.Single(page, "RDY3002", "hsts-short-max-age").Snippet.ShouldBe("Strict-Transport-Security: max-age=3600");
        scan.For(page).Where(f => f.RuleId == "RDY3005").Select(f => f.FingerprintKey).Order()
            .ShouldBe(["csp-insecureschemepassive", "csp-unsafeeval", "csp-unsafeinline", "csp-wildcard"]);
        scan.Single(page, "RDY3005", "csp-wildcard").Properties["sources"].ShouldBe("* in default-src");
        scan.Single(page, "RDY3006").Message.ShouldContain("ALLOW-FROM, which current browsers ignore");
        scan.Single(page, "RDY3008").Snippet.ShouldBe("Referrer-Policy: unsafe-url");
        scan.Single(page, "RDY3009").Properties["missing"].ShouldBe("HttpOnly,SameSite");

        scan.Single(reportOnly, "RDY3004").FingerprintKey.ShouldBe("csp-report-only");
        scan.For(reportOnly).ShouldNotContain(f => f.RuleId == "RDY3005");

        var target = scan.Targets.Single(t => t.Url == page);
        target.Insecure.ShouldBeTrue();
        target.CertificateProblem.ShouldNotBeNull().ShouldContain("not trusted");
        var grade = scan.Grade(page)!;
        grade.Tests.Where(t => t.Modifier != 0).Select(t => $"{t.Result} {t.Modifier}").ShouldBe([
            "csp-implemented-with-unsafe-inline -20", "redirection-missing -20", "referrer-policy-unsafe -5",
            "hsts-implemented-max-age-less-than-six-months -10", "x-content-type-options-header-invalid -5"]);
        (grade.Score, grade.Letter).ShouldBe((40, "D+"));
    }

    [Fact]
    public async Task Hardened_server_gets_no_finding_and_an_A_plus()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.HardenedAsync(certificate);
        var https = server.HttpsUrl!;
        var http = server.HttpUrl;
        var options = HttpScan.FastOptions with { Insecure = true };
        var scan = await HttpScan.RunAsync(options, new HttpProbeTarget(https) { HttpUrl = http }, new HttpProbeTarget(http));

        scan.Coverage.Gaps.ShouldBeEmpty(scan.Dump());
        scan.Findings.ShouldBeEmpty(scan.Dump());

        var variant = scan.Targets.Single(t => t.Url == https).Exchange(HttpPurposes.HttpVariant)!;
        variant.Redirects.ShouldHaveSingleItem().ShouldBe(new HttpRedirect(301, http, https));
        variant.LeftOriginTo.ShouldBeNull();
        var viaHttp = scan.Targets.Single(t => t.Url == http).Exchange(HttpPurposes.Page)!;
        viaHttp.FinalUrl.ShouldBe(https);
        viaHttp.Header("Strict-Transport-Security").ShouldBe("max-age=31536000; includeSubDomains");

        foreach (var url in new[] { https, http })
        {
            var grade = scan.Grade(url)!;
            grade.Letter.ShouldBe("A+", string.Join("\n", grade.Tests));
            grade.Score.ShouldBe(125);
        }
    }

    [Fact]
    public async Task Redirect_chains_are_judged_by_their_first_hop_and_loops_are_gaps()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.RedirectsAsync(certificate);
        var viaHttp = server.HttpUrl + "via-http";
        var loop = server.HttpUrl + "loop";
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions with { Insecure = true, MaxRedirects = 3 },
            new HttpProbeTarget(viaHttp), new HttpProbeTarget(loop));

        var first = scan.Single(viaHttp, "RDY3003");
        first.FingerprintKey.ShouldBe("redirect-via-http");
        first.Snippet.ShouldBe($"HTTP 301 {viaHttp}\nLocation: {server.HttpUrl}step");
        scan.Grade(viaHttp)!.Tests.Single(t => t.Test == "redirection").Modifier.ShouldBe(-10);

        scan.Coverage.Gaps.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            g => g.Scope.ShouldBe(loop),
            g => g.Reason.ShouldBe($"the page still redirects after 3 redirects (last: {loop}); headers were judged on that redirect"));
        scan.Single(loop, "RDY3003").FingerprintKey.ShouldBe("redirect-not-to-https");
    }

    [Fact]
    public async Task A_redirect_to_another_host_ends_the_chain_is_reported_and_no_probe_follows_it()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        var hosts = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await TestApps.RedirectsAsync(certificate, hosts);
        var offHost = server.HttpUrl + "off-host";
        var elsewhere = server.HttpsUrl!.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var https = server.HttpsUrl!;
        // The page itself leaves the origin: nothing is judged, and the scan says where it goes.
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions with { Insecure = true },
            new HttpProbeTarget(offHost), new HttpProbeTarget(https) { HttpUrl = offHost });

        var gap = scan.Coverage.Gaps.ShouldHaveSingleItem(scan.Dump());
        gap.Scope.ShouldBe(offHost);
        gap.Reason.ShouldBe($"the page redirects to another host ({elsewhere}); probes never leave the target's origin, so it was not followed and nothing was judged: scan {elsewhere} as a target of its own");
        scan.For(offHost).ShouldBeEmpty();
        scan.Grade(offHost).ShouldBeNull();

        // The plain-HTTP form of an HTTPS target leaving the origin is graded on its first hop, as the Observatory does.
        var variant = scan.Targets.Single(t => t.Url == https).Exchange(HttpPurposes.HttpVariant)!;
        variant.LeftOriginTo.ShouldBe(elsewhere);
        variant.Redirects.ShouldBeEmpty();
        scan.Grade(https)!.Tests.Single(t => t.Test == "redirection").Result.ShouldBe("redirection-off-host-from-http");
        scan.For(https).ShouldNotContain(f => f.RuleId == "RDY3003");

        hosts.ShouldNotBeEmpty();
        hosts.ShouldAllBe(h => h == "127.0.0.1");
    }

    [Fact]
    public async Task Cookies_set_on_a_redirect_hop_are_judged_like_any_other()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.RedirectsAsync(certificate);
        var url = server.HttpUrl + "cookie-on-redirect";
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions with { Insecure = true }, new HttpProbeTarget(url));

        var cookie = scan.Single(url, "RDY3009");
        cookie.Message.ShouldStartWith($"Cookie 'sessionid' set by {url} lacks Secure, HttpOnly and SameSite;");
        cookie.Snippet.ShouldNotBeNull().ShouldNotContain(TestApps.SessionValue);
        scan.Grade(url)!.Tests.Single(t => t.Test == "cookies").Result.ShouldBe("cookies-session-without-httponly-flag");
    }

    [Fact]
    public async Task Self_signed_certificate_without_insecure_is_a_gap_not_a_pass()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var tls = await TestApps.HardenedAsync(certificate);
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(tls.HttpsUrl!));

        var gap = scan.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe(tls.HttpsUrl);
        gap.Source.ShouldBe(EvidenceSource.Http);
        gap.Reason.ShouldContain("TLS certificate of 127.0.0.1 is not trusted");
        gap.Reason.ShouldContain("--insecure");
        scan.Findings.ShouldBeEmpty();
        scan.Grade(tls.HttpsUrl!).ShouldBeNull();
    }

    [Fact]
    public async Task Refused_connection_is_a_gap()
    {
        using var closed = new ClosedPort();
        var url = closed.HttpUrl;
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(url));

        scan.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldContain("refused");
        scan.Targets.ShouldHaveSingleItem().Failure.ShouldNotBeNull();
        scan.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dns_failure_is_a_gap()
    {
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget("https://readiness-missing-host.invalid/"));

        scan.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldStartWith("DNS lookup failed for readiness-missing-host.invalid");
        scan.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Server_that_never_answers_is_a_timeout_gap()
    {
        using var silent = new SilentServer();
        var options = HttpScan.FastOptions with { Timeout = TimeSpan.FromMilliseconds(700) };
        var scan = await HttpScan.RunAsync(options, new HttpProbeTarget(silent.Url));

        scan.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldBe($"no response from {silent.Url} within 0.7 s (timeout)");
        scan.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Request_budget_bounds_what_is_sent_and_the_shortfall_is_a_gap()
    {
        await using var server = await TestApps.LeakyAsync();
        var options = HttpScan.FastOptions with { RequestBudget = 2 };
        var scan = await HttpScan.RunAsync(options, new HttpProbeTarget(server.HttpUrl));

        // The page, then the missing path; the malformed request finds the budget spent and the remaining probes stop.
        scan.Targets.Single().Exchanges.Select(e => e.Purpose).ShouldBe([HttpPurposes.Page, HttpPurposes.HttpVariant, HttpPurposes.MissingPath]);
        scan.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldContain("request budget of 2 exhausted");
        scan.Coverage.Counts["http.requests"].ShouldBe(2);
    }

    [Fact]
    public async Task Nothing_listening_on_plain_http_is_an_observation_not_a_gap()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.HardenedAsync(certificate);
        using var closed = new ClosedPort();
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions with { Insecure = true }, new HttpProbeTarget(server.HttpsUrl!) { HttpUrl = closed.HttpUrl });

        scan.Coverage.Gaps.ShouldBeEmpty(scan.Dump());
        scan.Targets.Single().Exchange(HttpPurposes.HttpVariant)!.Failure.ShouldNotBeNull().ShouldContain("refused");
        scan.Findings.ShouldBeEmpty(scan.Dump());
        scan.Grade(server.HttpsUrl!)!.Tests.Single(t => t.Test == "redirection").Result.ShouldBe("redirection-not-needed-no-http");
    }
}
