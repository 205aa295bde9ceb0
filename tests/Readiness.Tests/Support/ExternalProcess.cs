using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Readiness.Tests.Support;

/// <summary>
/// Runs real processes for tests: the built readiness CLI with its own environment (so AWS or SMTP settings never leak
/// into other tests of this process), and helper servers on loopback.
/// </summary>
public static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>The readiness CLI built next to the tests, run as a separate process with extra environment.</summary>
    public static Outcome Readiness(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "readiness.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("readiness " + string.Join(' ', args) + " did not finish in 2 minutes");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:port, or the process died.</summary>
    public static void WaitForPort(int port, Process server, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) throw new InvalidOperationException($"{what} exited with {server.ExitCode} before listening: {server.StandardError.ReadToEnd()}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"{what} did not listen on 127.0.0.1:{port} within 30 s");
    }

    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        finally
        {
            process.Dispose();
        }
    }
}
