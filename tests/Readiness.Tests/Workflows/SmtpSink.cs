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
        Port = ExternalProcess.FreeLoopbackPort();
        var script = Path.Combine(TestPaths.Repo, "tests", "Readiness.Tests", "Workflows", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Inbox.FullName }) start.ArgumentList.Add(arg);
        server = Process.Start(start) ?? throw new InvalidOperationException("cannot start /usr/bin/python3 (run scripts/install-test-deps.sh for python3-aiosmtpd)");
        ExternalProcess.WaitForPort(Port, server, "aiosmtpd (smtp_sink.py)");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
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
