using System.Net;
using System.Net.Sockets;

namespace Readiness.Tests.Support;

/// <summary>
/// A loopback port that refuses every connection for as long as this lives: bound but never listening. While it is
/// bound the system never hands the port to anyone asking for a free one (as every test server and helper process
/// here does), so unlike a port that was merely free a moment ago it cannot be taken by another test and answer.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public string HttpUrl => $"http://127.0.0.1:{Port}/";

    public void Dispose() => socket.Dispose();
}
