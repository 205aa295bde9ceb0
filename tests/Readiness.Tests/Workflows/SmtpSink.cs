using System.Diagnostics;
using System.Text.Json;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd run by the system interpreter (/usr/bin/python3) with
/// smtp_sink.py, which stores each message and what Python's MIME parser reads from it. Recipients starting with
/// "reject" are refused with 550.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process server;

    public SmtpSink()
    {
        var script = Path.Combine(TestPaths.Repo, "tests", "Readiness.Tests", "Workflows", "smtp_sink.py");
        (server, Port) = ExternalProcess.StartServer(
            port => new ProcessStartInfo("/usr/bin/python3", [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Inbox.FullName]),
            "aiosmtpd (smtp_sink.py; run scripts/install-test-deps.sh for python3-aiosmtpd)");
    }

    public int Port { get; }
    public DirectoryInfo Inbox { get; } = Directory.CreateTempSubdirectory("readiness-inbox-");

    /// <summary>The messages received so far, as parsed by the server side.</summary>
    public IReadOnlyList<JsonElement> Messages() =>
        Inbox.EnumerateFiles("msg-*.json").OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f.FullName)).RootElement.Clone()).ToList();

    public void Dispose()
    {
        ExternalProcess.Stop(server);
        Inbox.Delete(recursive: true);
    }
}
