using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Readiness.Tests.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with free ports: a plain-HTTP listener and, when a certificate is given, an
/// HTTPS one. The app is configured by the test; <see cref="DisposeAsync"/> stops it.
/// </summary>
public sealed class LocalWebServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalWebServer(WebApplication app, string httpUrl, string? httpsUrl)
    {
        this.app = app;
        HttpUrl = httpUrl;
        HttpsUrl = httpsUrl;
    }

    public string HttpUrl { get; }
    public string? HttpsUrl { get; }

    public static async Task<LocalWebServer> StartAsync(Action<IServiceCollection> services, Action<WebApplication, Func<LocalWebServer>> configure,
        X509Certificate2? certificate = null, System.Security.Authentication.SslProtocols protocols = System.Security.Authentication.SslProtocols.None)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
            if (certificate is not null)
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https => { https.ServerCertificate = certificate; https.SslProtocols = protocols; }));
        });
        services(builder.Services);
        var app = builder.Build();
        LocalWebServer? server = null;
        configure(app, () => server!);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses;
        server = new LocalWebServer(app,
            addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)) + "/",
            addresses.SingleOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal)) is { } s ? s + "/" : null);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>
    /// A self-signed certificate for 127.0.0.1 and localhost (or only for <paramref name="dnsName"/>), valid from
    /// <paramref name="from"/> (default: 5 minutes ago) to <paramref name="until"/> (default: in 90 days).
    /// </summary>
    public static X509Certificate2 SelfSignedCertificate(DateTimeOffset? from = null, DateTimeOffset? until = null, string? dnsName = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=readiness-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (dnsName is null)
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
        }
        else
        {
            names.AddDnsName(dnsName);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(from ?? DateTimeOffset.UtcNow.AddMinutes(-5), until ?? DateTimeOffset.UtcNow.AddDays(90));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

}


/// <summary>A TCP listener on loopback that accepts connections and never answers: every request to it times out.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();

    public SilentServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (held) held.Add(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held) held.ForEach(c => c.Dispose());
        stop.Dispose();
    }
}
