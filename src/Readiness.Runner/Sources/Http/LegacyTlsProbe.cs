using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Http;

/// <summary>
/// Asks a server whether it still speaks TLS 1.0 or 1.1 by sending a ClientHello that offers only that version and
/// reading the first record of the answer, as testssl.sh and sslyze do. The local TLS library is not involved: OpenSSL 3
/// at its default security level refuses to offer these protocols at all, which would leave the question unanswered on
/// most Linux machines. A ServerHello agreeing on the offered version (or an older one) means accepted; an alert or a
/// closed connection means refused; silence until the timeout is unknown, never "refused".
/// </summary>
public static class LegacyTlsProbe
{
    public const ushort Tls10 = 0x0301;
    public const ushort Tls11 = 0x0302;

    // The CBC and 3DES suites servers of the TLS 1.0 era offer, plus the renegotiation SCSV many servers expect.
    private static readonly ushort[] CipherSuites =
    [
        0xc014, 0xc013, 0xc00a, 0xc009, // ECDHE-RSA / ECDHE-ECDSA with AES-CBC-SHA
        0x0039, 0x0033,                 // DHE-RSA with AES-CBC-SHA
        0x0035, 0x002f, 0x000a,         // RSA with AES-CBC-SHA and 3DES
        0x00ff,                         // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
    ];

    public static async Task<TlsProtocolCheck> ProbeAsync(string host, int port, ushort version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = Name(version);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(host, port, limit.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync(ClientHello(host, version), limit.Token);
            return await ReadAnswerAsync(stream, version, name, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TlsProtocolCheck(name, null, $"the server did not answer a {name} ClientHello within {timeout.TotalSeconds:0.#} s, so whether it accepts {name} is unknown");
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return new TlsProtocolCheck(name, false, $"the server closed the connection on a {name} ClientHello ({(ex.InnerException ?? ex).Message})");
        }
    }

    public static string Name(ushort version) => version switch
    {
        0x0300 => "SSL 3.0",
        Tls10 => "TLS 1.0",
        Tls11 => "TLS 1.1",
        0x0303 => "TLS 1.2",
        _ => $"version 0x{version:x4}",
    };

    private static async Task<TlsProtocolCheck> ReadAnswerAsync(Stream stream, ushort offered, string name, CancellationToken cancellationToken)
    {
        var header = new byte[5 + 6];
        var read = await ReadAtLeastAsync(stream, header, cancellationToken);
        if (read == 0) return new TlsProtocolCheck(name, false, $"the server closed the connection on a {name} ClientHello");
        if (read >= 7 && header[0] == 21)
            return new TlsProtocolCheck(name, false, $"the server refused {name} with the alert \"{Alert(header[6])}\"");
        // Handshake record, ServerHello message: 1 byte type, 3 bytes length, then the negotiated version.
        if (read >= 11 && header[0] == 22 && header[5] == 2)
        {
            var chosen = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(9, 2));
            return chosen <= offered
                ? new TlsProtocolCheck(name, true, $"the server answered a {name} ClientHello with a ServerHello for {Name(chosen)}")
                : new TlsProtocolCheck(name, false, $"the server answered a {name} ClientHello with {Name(chosen)}, which the client did not offer");
        }
        return new TlsProtocolCheck(name, false, $"the server answered a {name} ClientHello with something other than a ServerHello (record type {header[0]})");
    }

    /// <summary>Reads until the buffer is full or the peer closes; a partial record is judged on what arrived.</summary>
    private static async Task<int> ReadAtLeastAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (n == 0) break;
            total += n;
            if (buffer[0] == 21 && total >= 7) break; // an alert record is 7 bytes
        }
        return total;
    }

    private static string Alert(byte description) => description switch
    {
        40 => "handshake failure",
        47 => "illegal parameter",
        70 => "protocol version",
        71 => "insufficient security",
        80 => "internal error",
        112 => "unrecognized name",
        _ => $"alert {description}",
    };

    internal static byte[] ClientHello(string host, ushort version)
    {
        var body = new List<byte>();
        body.AddRange(U16(version));
        body.AddRange(RandomNumberGenerator.GetBytes(32));
        body.Add(0); // no session id
        body.AddRange(U16((ushort)(CipherSuites.Length * 2)));
        foreach (var suite in CipherSuites) body.AddRange(U16(suite));
        body.Add(1); body.Add(0); // compression: null only

        var extensions = new List<byte>();
        if (!IPAddress.TryParse(host, out _))
        {
            var nameBytes = System.Text.Encoding.ASCII.GetBytes(host);
            var entry = new List<byte> { 0 }; // host_name
            entry.AddRange(U16((ushort)nameBytes.Length));
            entry.AddRange(nameBytes);
            Extension(extensions, 0x0000, [.. U16((ushort)entry.Count), .. entry]);
        }
        Extension(extensions, 0x000a, [0x00, 0x06, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18]); // groups: x25519, P-256, P-384
        Extension(extensions, 0x000b, [0x01, 0x00]); // EC point formats: uncompressed
        body.AddRange(U16((ushort)extensions.Count));
        body.AddRange(extensions);

        var handshake = new List<byte> { 1 }; // ClientHello
        handshake.AddRange(U24(body.Count));
        handshake.AddRange(body);

        var record = new List<byte> { 22 }; // handshake record
        record.AddRange(U16(Tls10)); // record layer version: TLS 1.0, as clients send for compatibility
        record.AddRange(U16((ushort)handshake.Count));
        record.AddRange(handshake);
        return [.. record];
    }

    private static void Extension(List<byte> into, ushort type, byte[] data)
    {
        into.AddRange(U16(type));
        into.AddRange(U16((ushort)data.Length));
        into.AddRange(data);
    }

    private static byte[] U16(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] U24(int value) => [(byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
