using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Readiness.Tests.Http;

/// <summary>
/// A raw TCP server on loopback that answers every connection with a hostile behaviour (written against the socket,
/// not through Kestrel, which would refuse to misbehave): it reads the request head, then runs the behaviour.
/// </summary>
public sealed class HostileServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<NetworkStream, CancellationToken, Task> behaviour;

    public HostileServer(Func<NetworkStream, CancellationToken, Task> behaviour)
    {
        this.behaviour = behaviour;
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

    /// <summary>Status line and 1 MiB of headers (HttpClient's limit is 64 KiB).</summary>
    public static HostileServer HugeHeaders() => new(async (stream, token) =>
    {
        await Write(stream, "HTTP/1.1 200 OK\r\n", token);
        var line = Encoding.ASCII.GetBytes("X-Filler: " + new string('a', 1000) + "\r\n");
        for (var i = 0; i < 1024 && !token.IsCancellationRequested; i++) await stream.WriteAsync(line, token);
    });

    /// <summary>Valid headers, then a body that never ends.</summary>
    public static HostileServer EndlessBody() => new(async (stream, token) =>
    {
        await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<!doctype html><html><body>", token);
        var chunk = Encoding.ASCII.GetBytes(new string('x', 8192));
        while (!token.IsCancellationRequested) await stream.WriteAsync(chunk, token);
    });

    /// <summary>Slowloris: one byte of the status line every 300 ms, forever.</summary>
    public static HostileServer Slowloris() => new(async (stream, token) =>
    {
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nX-Slow: " + new string('s', 10000));
        foreach (var b in head)
        {
            await stream.WriteAsync(new[] { b }, token);
            await Task.Delay(300, token);
        }
    });

    private static Task Write(NetworkStream stream, string text, CancellationToken token) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var seen = new StringBuilder();
                while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, stop.Token);
                    if (n == 0) return;
                    seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
                await behaviour(stream, stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The prober hung up: that is what a bounded client does.
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
