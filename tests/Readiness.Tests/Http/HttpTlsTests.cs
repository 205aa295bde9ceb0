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
    public async Task Server_accepting_tls_1_0_and_1_1_is_reported_whatever_this_machines_tls_library_offers()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = OpenSslServer.Start(certificate);
        var url = server.HttpsUrl;
        var scan = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url));

        var checks = scan.Targets.Single().LegacyProtocols;
        checks.Select(c => (c.Protocol, c.Accepted)).ShouldBe([("TLS 1.0", true), ("TLS 1.1", true)], string.Join("\n", checks));
        checks[0].Note.ShouldBe("the server answered a TLS 1.0 ClientHello with a ServerHello for TLS 1.0");
        scan.Single(url, "RDY3024").Message
            .ShouldBe($"127.0.0.1:{new Uri(url).Port} still accepts TLS 1.0 and TLS 1.1, deprecated since 2021 (RFC 8996) and open to downgrade attacks; allow TLS 1.2 and 1.3 only.");
        scan.Coverage.Skipped.ShouldNotContain(s => s.Reason.StartsWith("TLS 1."));
    }

    [Fact]
    public async Task Server_refusing_only_tls_1_0_is_reported_for_tls_1_1_alone()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = OpenSslServer.Start(certificate, "-no_tls1");
        var scan = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(server.HttpsUrl));

        var checks = scan.Targets.Single().LegacyProtocols;
        checks.Select(c => (c.Protocol, c.Accepted)).ShouldBe([("TLS 1.0", false), ("TLS 1.1", true)], string.Join("\n", checks));
        scan.Single(server.HttpsUrl, "RDY3024").Properties["protocols"].ShouldBe("TLS 1.1");
    }

    [Fact]
    public async Task Server_that_never_answers_the_hello_leaves_the_protocol_unknown_not_refused()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = listener.AcceptTcpClientAsync();

        var check = await LegacyTlsProbe.ProbeAsync("127.0.0.1", port, LegacyTlsProbe.Tls10, TimeSpan.FromMilliseconds(500), CancellationToken.None);

        check.Accepted.ShouldBeNull();
        check.Note.ShouldBe("the server did not answer a TLS 1.0 ClientHello within 0.5 s, so whether it accepts TLS 1.0 is unknown");
        (await accepting).Dispose();
    }

    [Fact]
    public async Task Modern_only_server_refuses_both_legacy_handshakes()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var server = await TestApps.TlsAsync(certificate, SslProtocols.Tls12 | SslProtocols.Tls13);
        var url = server.HttpsUrl!;
        var scan = await HttpScan.RunAsync(Insecure, new HttpProbeTarget(url) { HttpUrl = server.HttpUrl });

        var checks = scan.Targets.Single().LegacyProtocols;
        checks.ShouldAllBe(c => c.Accepted == false, string.Join("\n", checks));
        checks[0].Note.ShouldBe("the server refused TLS 1.0 with the alert \"protocol version\"");
        scan.Findings.ShouldBeEmpty(scan.Dump());
        scan.Coverage.Counts["http.tls-handshakes"].ShouldBe(2);
    }
}
