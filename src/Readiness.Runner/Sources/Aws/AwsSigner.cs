using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// Signs a request with Signature Version 4. The canonical request is built here (it is small and the thin clients send
/// only simple requests); the key derivation and HMAC are AWSSDK.Core's <see cref="AWS4Signer"/>.
/// </summary>
public static class AwsSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials, string region, string service, DateTime signedAt)
    {
        var uri = request.RequestUri!;
        var amzDate = signedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
        };
        foreach (var (name, values) in request.Headers)
            headers[name.ToLowerInvariant()] = string.Join(",", values.Select(v => v.Trim()));
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
                headers[name.ToLowerInvariant()] = string.Join(",", values.Select(v => v.Trim()));
        }
        headers.Remove("content-length");
        headers.Remove("user-agent");

        var signedHeaders = string.Join(";", headers.Keys);
        var canonicalRequest = CanonicalRequest(request.Method.Method, uri, headers, signedHeaders, Hex(SHA256.HashData(body)));
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt.ToUniversalTime(), service, signedHeaders, canonicalRequest);
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>The canonical request of SigV4: method, path, sorted query, headers, signed header names and payload hash.</summary>
    public static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> lowerCaseHeaders, string signedHeaders, string payloadHash)
    {
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : string.Join("/", uri.AbsolutePath.Split('/').Select(s => Encode(Uri.UnescapeDataString(s))));
        var query = uri.Query.TrimStart('?');
        var canonicalQuery = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=');
                var k = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
                var v = eq < 0 ? "" : Uri.UnescapeDataString(p[(eq + 1)..]);
                return (Key: Encode(k), Value: Encode(v));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append(path).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in lowerCaseHeaders) builder.Append(name).Append(':').Append(value).Append('\n');
        builder.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>RFC 3986 percent-encoding as SigV4 wants it: unreserved characters stay, everything else is %XX.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
