using Readiness.Rules.Model;
using Readiness.Runner.Sources.Http;

namespace Readiness.Tests.Http;

/// <summary>Exposed files and pages, TRACE, and the soft-404 servers that must not create findings.</summary>
public sealed class HttpExposureTests
{
    [Fact]
    public async Task Exposed_files_and_debug_pages_are_each_reported_without_their_secrets()
    {
        await using var server = await TestApps.ExposedAsync();
        var url = server.HttpUrl + "docs/readme.html";
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(url));

        scan.Coverage.Gaps.ShouldBeEmpty(scan.Dump());
        scan.For(url).Where(f => f.RuleId == "RDY3017").Select(f => f.FingerprintKey).Order().ShouldBe(["ds-store", "env", "git"]);
        scan.Single(url, "RDY3017", "git").Snippet.ShouldBe(".git/HEAD: ref: refs/heads/main");
        scan.Single(url, "RDY3017", "env").Snippet.ShouldBe(".env defines DATABASE_URL, SECRET_KEY, DEBUG (values not shown)");
        scan.Single(url, "RDY3018").Message.ShouldStartWith($"{server.HttpUrl}docs/ shows a directory listing of {server.HttpUrl}docs/");
        scan.For(url).Where(f => f.RuleId == "RDY3019").Select(f => f.FingerprintKey).Order()
            .ShouldBe(["actuator-env", "django-debug-toolbar", "phpinfo", "server-status"]);
        scan.Single(url, "RDY3020").Severity.ShouldBe(Severity.Info);
        scan.Single(url, "RDY3021").Snippet.ShouldStartWith($"TRACE {url} -> HTTP 200 echoing {HttpPurposes.TraceMarkerHeader}: ");
        scan.Findings.ShouldAllBe(f => !(f.Snippet ?? "").Contains(TestApps.EnvSecret) && !f.Message.Contains(TestApps.EnvSecret) && f.Message.EndsWith('.'));

        // 14 probes for a plain-HTTP target (its page is its own http-variant), no redirects: see the budget in docs/http.md.
        scan.Coverage.Counts["http.requests"].ShouldBe(14);
    }

    [Fact]
    public async Task Soft_404_server_answering_every_path_with_its_app_creates_no_exposure_finding()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.SoftNotFoundAsync(certificate);
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions with { Insecure = true }, new HttpProbeTarget(server.HttpsUrl!) { HttpUrl = server.HttpUrl });

        scan.Coverage.Gaps.ShouldBeEmpty(scan.Dump());
        var target = scan.Targets.Single();
        target.Exchange(HttpPurposes.AdminLogin)!.Status.ShouldBe(200);
        target.Exchange(HttpPurposes.MissingPath)!.Status.ShouldBe(200);
        scan.Findings.ShouldBeEmpty(scan.Dump());
    }

    [Fact]
    public async Task Hardened_server_answers_every_exposure_probe_without_a_finding()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.HardenedAsync(certificate);
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions with { Insecure = true }, new HttpProbeTarget(server.HttpsUrl!) { HttpUrl = server.HttpUrl });

        var target = scan.Targets.Single();
        foreach (var (purpose, _) in HttpPurposes.ExposedPaths) target.Exchange(purpose).ShouldNotBeNull(purpose).Status.ShouldBe(404);
        target.Exchange(HttpPurposes.Trace).ShouldNotBeNull().Status.ShouldNotBe(200);
        scan.Findings.ShouldBeEmpty(scan.Dump());
    }

    [Fact]
    public async Task A_page_that_redirects_to_its_query_parameter_is_tried_once_with_a_foreign_url()
    {
        await using var server = await TestApps.ExposedAsync();
        var open = server.HttpUrl + "go?to=%2Fdocs%2Freadme.html";
        var safe = server.HttpUrl + "safe-go?to=%2Fdocs%2Freadme.html";
        var plain = server.HttpUrl + "docs/readme.html";
        var scan = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(open), new HttpProbeTarget(safe), new HttpProbeTarget(plain));

        var finding = scan.Single(open, "RDY3029");
        finding.Message.ShouldStartWith($"{open} redirects to whatever its 'to' parameter says: with to={HttpPurposes.ForeignOrigin}/ it sends the browser to {HttpPurposes.ForeignOrigin}/");
        finding.Snippet.ShouldBe($"GET {server.HttpUrl}go?to=https%3A%2F%2Freadiness-probe.example%2F\nHTTP 302 Location: {HttpPurposes.ForeignOrigin}/");
        scan.Targets.Single(t => t.Url == open).Exchange(HttpPurposes.OpenRedirect)!.LeftOriginTo.ShouldBe(HttpPurposes.ForeignOrigin + "/");

        scan.Targets.Single(t => t.Url == safe).Exchange(HttpPurposes.OpenRedirect).ShouldNotBeNull();
        scan.For(safe).ShouldNotContain(f => f.RuleId == "RDY3029");
        // No redirect with a parameter, no extra request.
        scan.Targets.Single(t => t.Url == plain).Exchange(HttpPurposes.OpenRedirect).ShouldBeNull();
    }
}
