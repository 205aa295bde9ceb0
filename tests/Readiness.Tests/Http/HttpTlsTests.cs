using System.Security.Authentication;
using Readiness.Runner.Sources.Http;

namespace Readiness.Tests.Http;

/// <summary>Certificate dates and names, and the legacy-protocol handshakes, against real Kestrel TLS listeners.</summary>
public sealed class HttpTlsTests
{
    private static readonly HttpProbeOptions Insecure = HttpScan.FastOptions with { Insecure = true };

    [Fact]
    public async Task Certificate_expiring_in_5_days_is_reported_with_its_date()
    {
        var until = DateTimeOffset.UtcNow.AddDays(5).AddHours(1);
        using var certificate = LocalWebServer.SelfSignedCertificate(until: until);
        await using var server = await TestApps.TlsAsync(certificate);
        var url = server.HttpsUrl!;
        var scan = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url) { HttpUrl = server.HttpUrl });

        var expiry = scan.Single(url, "RDY3022");
        var date = certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        expiry.Message.ShouldBe($"The TLS certificate of 127.0.0.1 (CN=readiness-test) expires on {date}, in 5 days, under the 30 days required; renew it now and check that automatic renewal works.");
        expiry.Snippet.ShouldBe($"Not after: {date}");
        scan.For(url).Select(f => f.RuleId).ShouldBe(["RDY3022"], scan.Dump());
    }

    [Fact]
    public async Task Expired_certificate_is_named_as_such_in_the_gap_and_with_insecure_as_a_finding()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-2));
        await using var server = await TestApps.TlsAsync(certificate);
        var url = server.HttpsUrl!;
        var expired = certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var strict = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(url));
        strict.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldContain($"the certificate expired on {expired}");
        strict.Findings.ShouldBeEmpty();

        var insecure = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url) { HttpUrl = server.HttpUrl });
        insecure.Single(url, "RDY3023", "certificate-expired").Message.ShouldStartWith($"The TLS certificate of 127.0.0.1 (CN=readiness-test) expired on {expired} ");
        insecure.For(url).ShouldNotContain(f => f.RuleId == "RDY3022");
    }

    [Fact]
    public async Task Certificate_for_another_host_is_a_name_mismatch()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate(dnsName: "other.example");
        await using var server = await TestApps.TlsAsync(certificate);
        var url = server.HttpsUrl!;

        var strict = await HttpScan.RunAsync(HttpScan.FastOptions, new HttpProbeTarget(url));
        strict.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldContain("the certificate does not name this host (it is issued to other.example)");

        var insecure = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url) { HttpUrl = server.HttpUrl });
        insecure.Single(url, "RDY3023", "certificate-name-mismatch").Message
            .ShouldBe("The TLS certificate served for 127.0.0.1 is issued to CN=readiness-test and does not name 127.0.0.1, so browsers refuse the site; issue a certificate whose subject alternative names include 127.0.0.1.");
    }

    [Fact]
    public async Task Server_accepting_tls_1_0_is_reported_or_the_coverage_says_it_could_not_be_tested()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
#pragma warning disable SYSLIB0039 // the server under test must offer the obsolete protocols
        await using var server = await TestApps.TlsAsync(certificate, SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12);
#pragma warning restore SYSLIB0039
        var url = server.HttpsUrl!;
        var scan = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url) { HttpUrl = server.HttpUrl });

        var checks = scan.Targets.Single().LegacyProtocols;
        checks.Select(c => c.Protocol).ShouldBe(["TLS 1.0", "TLS 1.1"]);
        // Never "refused": either the handshake completed, or this machine could not offer the protocol and says so.
        checks.ShouldAllBe(c => c.Accepted != false, string.Join("\n", checks));
        foreach (var check in checks.Where(c => c.Accepted is null))
            scan.Coverage.Skipped.ShouldContain(s => s.Scope == url && s.Reason.StartsWith($"{check.Protocol} not tested: this machine's TLS library does not offer {check.Protocol}"));
        if (checks.Any(c => c.Accepted == true)) scan.Single(url, "RDY3024").Message.ShouldContain("still accepts TLS 1.0");
        else scan.For(url).ShouldNotContain(f => f.RuleId == "RDY3024");
    }

    [Fact]
    public async Task Modern_only_server_refuses_both_legacy_handshakes()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.TlsAsync(certificate, SslProtocols.Tls12 | SslProtocols.Tls13);
        var url = server.HttpsUrl!;
        var scan = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url) { HttpUrl = server.HttpUrl });

        scan.Targets.Single().LegacyProtocols.ShouldAllBe(c => c.Accepted != true);
        scan.Findings.ShouldBeEmpty(scan.Dump());
        scan.Coverage.Counts["http.tls-handshakes"].ShouldBe(2);
    }
}
