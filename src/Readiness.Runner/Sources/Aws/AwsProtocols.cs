using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Readiness.Runner.Sources.Aws;

/// <summary>The AWS query protocol (EC2, RDS, IAM, ELBv2, STS): form-encoded POST, XML answer.</summary>
public sealed class QueryProtocol(AwsSession session, string service, string signingName, string version, bool global = false)
{
    /// <param name="items">Path of the list the answer must hold (e.g. "securityGroupInfo"): an answer without it is a gap, not an empty list.</param>
    public async Task<XElement> CallAsync(string region, string action, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken ct, string? items = null)
    {
        var form = new StringBuilder($"Action={action}&Version={version}");
        foreach (var (k, v) in parameters ?? []) form.Append('&').Append(AwsSigner.Encode(k)).Append('=').Append(AwsSigner.Encode(v));
        var signingRegion = global ? AwsSession.GlobalRegion : region;
        var text = await session.Transport.SendAsync(new AwsCall
        {
            Service = service,
            SigningName = signingName,
            Region = signingRegion,
            Operation = action,
            Uri = session.Endpoints.For(signingName, signingRegion, global),
            Body = Encoding.UTF8.GetBytes(form.ToString()),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
        }, session.Credentials, ct).ConfigureAwait(false);
        return AwsAnswer.Xml(service, signingRegion, action, text, items);
    }

    /// <summary>
    /// Every page of a list call: sends <paramref name="tokenParameter"/> with the token that <paramref name="nextToken"/>
    /// reads from each answer until there is none.
    /// </summary>
    public async IAsyncEnumerable<XElement> PagesAsync(string region, string action, IEnumerable<KeyValuePair<string, string>>? parameters,
        string tokenParameter, Func<XElement, string?> nextToken, [EnumeratorCancellation] CancellationToken ct, string? items = null)
    {
        var fixedParameters = (parameters ?? []).ToList();
        string? token = null;
        var pages = new AwsPages(service, region, action, session.Transport.Options.MaxPages);
        do
        {
            var page = await CallAsync(region, action, token is null ? fixedParameters : [.. fixedParameters, new(tokenParameter, token)], ct, items).ConfigureAwait(false);
            yield return page;
            token = pages.Next(nextToken(page));
        }
        while (token is not null);
    }
}

/// <summary>The AWS JSON 1.1 protocol (WAFv2, Secrets Manager, CloudTrail): POST with X-Amz-Target, JSON answer; global services (Budgets) in us-east-1.</summary>
public sealed class JsonProtocol(AwsSession session, string service, string signingName, string targetPrefix, bool global = false)
{
    /// <param name="items">Property the answer must hold (e.g. "SecretList"): an answer without it is a gap, not an empty list.</param>
    public async Task<JsonElement> CallAsync(string region, string operation, JsonObject body, CancellationToken ct, string? items = null)
    {
        region = global ? AwsSession.GlobalRegion : region;
        var text = await session.Transport.SendAsync(new AwsCall
        {
            Service = service,
            SigningName = signingName,
            Region = region,
            Operation = operation,
            Uri = session.Endpoints.For(signingName, region, global),
            Body = Encoding.UTF8.GetBytes(body.ToJsonString()),
            ContentType = "application/x-amz-json-1.1",
            Headers = new Dictionary<string, string> { ["X-Amz-Target"] = $"{targetPrefix}.{operation}" },
        }, session.Credentials, ct).ConfigureAwait(false);
        return AwsAnswer.Json(service, region, operation, text, items);
    }

    /// <summary>Every page of a list call that takes and returns <paramref name="tokenName"/> (NextToken or NextMarker).</summary>
    public async IAsyncEnumerable<JsonElement> PagesAsync(string region, string operation, JsonObject body, string tokenName,
        [EnumeratorCancellation] CancellationToken ct, string? items = null)
    {
        string? token = null;
        var pages = new AwsPages(service, region, operation, session.Transport.Options.MaxPages);
        do
        {
            var request = (JsonObject)body.DeepClone();
            if (token is not null) request[tokenName] = token;
            var page = await CallAsync(region, operation, request, ct, items).ConfigureAwait(false);
            yield return page;
            token = pages.Next(page.Str(tokenName));
        }
        while (token is not null);
    }
}

/// <summary>The REST-XML protocol (CloudFront): GET on a path with query parameters, XML answer.</summary>
public sealed class RestXmlProtocol(AwsSession session, string service, string signingName, bool global = true)
{
    public async Task<XElement> GetAsync(string region, string operation, string pathAndQuery, CancellationToken ct, string? items = null)
    {
        var signingRegion = global ? AwsSession.GlobalRegion : region;
        var text = await session.Transport.SendAsync(new AwsCall
        {
            Service = service,
            SigningName = signingName,
            Region = signingRegion,
            Operation = operation,
            Method = HttpMethod.Get,
            Uri = new Uri(session.Endpoints.For(signingName, signingRegion, global), pathAndQuery),
        }, session.Credentials, ct).ConfigureAwait(false);
        return AwsAnswer.Xml(service, signingRegion, operation, text, items);
    }
}

/// <summary>
/// Bounds one list call's pagination: a token that comes back (which would loop forever) or more pages than the limit
/// is a failed call, so the service-region becomes a gap instead of a hang or a flood of duplicates.
/// </summary>
public sealed class AwsPages(string service, string region, string operation, int maxPages)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private int pages = 1;

    /// <summary>The token for the next page, or null when the list is complete.</summary>
    public string? Next(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        if (!seen.Add(token)) throw new AwsCallException(AwsFailure.Error, service, region, operation, "PaginationLoop", "the service returned the same page token twice");
        if (++pages > maxPages)
            throw new AwsCallException(AwsFailure.Error, service, region, operation, "PageLimit", $"the list did not end within {maxPages} pages");
        return token;
    }
}

/// <summary>
/// Reads an answer body: one that is not well-formed, or that lacks the list the call exists to read, fails the call
/// (a gap naming service, region and operation) instead of passing for an empty account.
/// </summary>
public static class AwsAnswer
{
    public static XElement Xml(string service, string region, string operation, string text, string? items)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(text).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw Malformed(service, region, operation, $"the answer is not well-formed XML ({e.Message})");
        }
        if (items is not null && root.Path(items.Split('/')) is null)
            throw Missing(service, region, operation, items);
        return root;
    }

    public static JsonElement Json(string service, string region, string operation, string text, string? items)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Malformed(service, region, operation, $"the answer is not valid JSON ({e.Message})");
        }
        if (root.ValueKind != JsonValueKind.Object) throw Malformed(service, region, operation, "the answer is not a JSON object");
        if (items is not null && !root.Has(items)) throw Missing(service, region, operation, items);
        return root;
    }

    public static AwsCallException Malformed(string service, string region, string operation, string detail) =>
        new(AwsFailure.Error, service, region, operation, "MalformedAnswer", detail);

    public static AwsCallException Missing(string service, string region, string operation, string items) =>
        new(AwsFailure.Error, service, region, operation, "MissingItems", $"the answer has no {items} list, so nothing was read");
}

/// <summary>Namespace-agnostic readers for AWS XML and JSON answers.</summary>
public static class AwsData
{
    public static XElement? El(this XElement? e, string name) => e?.Elements().FirstOrDefault(c => c.Name.LocalName == name);

    public static IEnumerable<XElement> Els(this XElement? e, string name) => e?.Elements().Where(c => c.Name.LocalName == name) ?? [];

    /// <summary>Elements under a wrapper: EC2's &lt;set&gt;&lt;item&gt;, the query protocol's &lt;List&gt;&lt;member&gt;.</summary>
    public static IEnumerable<XElement> Items(this XElement? e, string wrapper, string item = "member") => e.El(wrapper).Els(item);

    public static XElement? Path(this XElement? e, params string[] names)
    {
        foreach (var n in names) e = e.El(n);
        return e;
    }

    public static string? Str(this XElement? e, string name) => e.El(name)?.Value is { Length: > 0 } v ? v : null;

    public static bool Bool(this XElement? e, string name, bool absent = false) =>
        e.El(name)?.Value is { } v ? string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase) : absent;

    public static int? Int(this XElement? e, string name) =>
        int.TryParse(e.El(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static DateTimeOffset? Date(this XElement? e, string name) =>
        DateTimeOffset.TryParse(e.El(name)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Bool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static long? Long(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    public static JsonElement Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    public static IEnumerable<JsonElement> Arr(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static bool Has(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);

    /// <summary>JSON 1.1 timestamps are epoch seconds (possibly fractional); some emulators send ISO strings.</summary>
    public static DateTimeOffset? Epoch(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return DateTimeOffset.FromUnixTimeMilliseconds((long)(v.GetDouble() * 1000));
        return v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    public static Dictionary<string, string> Tags(IEnumerable<(string? Key, string Value)> pairs) =>
        pairs.Where(p => p.Key is not null).GroupBy(p => p.Key!).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
}
