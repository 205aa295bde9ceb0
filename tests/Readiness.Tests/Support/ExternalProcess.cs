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

    /// <summary>
    /// How long a test waits for a helper process (the CLI, a validator, git, dotnet pack) before calling it hung. It
    /// bounds only a hang: on a loaded CI machine a normal run can take minutes, and a wrong answer still fails at once.
    /// </summary>
    public static readonly TimeSpan ProcessDeadline = TimeSpan.FromMinutes(10);

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
        if (!process.WaitForExit(ProcessDeadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"readiness {string.Join(' ', args)} did not finish in {ProcessDeadline.TotalMinutes:0} minutes");
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

    /// <summary>
    /// Starts a helper server on a free loopback port (start gets the port) and waits until it accepts connections.
    /// The port is free when chosen but not reserved: on a shared machine another process can take it before the
    /// server binds, so a server that exits before listening is started again on a new port (three tries). Its output
    /// is drained so it never blocks on a full pipe, and its standard error is kept for the failure message.
    /// </summary>
    public static (Process Server, int Port) StartServer(Func<int, ProcessStartInfo> start, string what)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var info = start(port);
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.UseShellExecute = false;
            var server = Process.Start(info) ?? throw new InvalidOperationException($"{what} did not start");
            var stderr = new System.Text.StringBuilder();
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            if (WaitForPort(port, server)) return (server, port);
            var exited = server.HasExited;
            Stop(server);
            string error;
            lock (stderr) error = stderr.ToString();
            if (!exited) throw new TimeoutException($"{what} did not listen on 127.0.0.1:{port} within {StartDeadline.TotalSeconds:0} s: {error}");
            if (attempt == 3) throw new InvalidOperationException($"{what} exited before listening, three times (last on port {port}): {error}");
        }
    }

    // A real process has to start (Python imports moto in seconds when idle, many more on a loaded CI machine).
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    /// <summary>True once something accepts connections on 127.0.0.1:port; false when the server exited or the deadline passed.</summary>
    private static bool WaitForPort(int port, Process server)
    {
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) return false;
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return !server.HasExited;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        return false;
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
