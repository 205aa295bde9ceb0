using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Readiness.Tests.Support;

namespace Readiness.Tests.Http;

/// <summary>
/// A real `openssl s_server` on loopback, for what Kestrel cannot be made to do on this OS: with OpenSSL 3 at its
/// default security level no .NET server offers TLS 1.0, while s_server at security level 0 does, as old servers do.
/// It answers every HTTPS request with its status page (`-www`).
/// </summary>
public sealed class OpenSslServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private OpenSslServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        HttpsUrl = $"https://127.0.0.1:{port}/";
    }

    public string HttpsUrl { get; }

    /// <param name="protocolFlags">s_server's protocol switches, e.g. `-tls1` for TLS 1.0 only; none offers its defaults.</param>
    public static OpenSslServer Start(X509Certificate2 certificate, params string[] protocolFlags)
    {
        var folder = Directory.CreateTempSubdirectory("readiness-openssl-").FullName;
        var certPath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        using (var key = certificate.GetRSAPrivateKey()!) File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());

        var (process, port) = ExternalProcess.StartServer(port =>
        {
            var start = new ProcessStartInfo("openssl") { RedirectStandardInput = true };
            foreach (var arg in new[] { "s_server", "-accept", $"127.0.0.1:{port}", "-cert", certPath, "-key", keyPath, "-cipher", "DEFAULT:@SECLEVEL=0", "-www", "-quiet" })
                start.ArgumentList.Add(arg);
            foreach (var flag in protocolFlags) start.ArgumentList.Add(flag);
            return start;
        }, "openssl s_server");
        return new OpenSslServer(process, folder, port);
    }

    public ValueTask DisposeAsync()
    {
        ExternalProcess.Stop(process);
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
