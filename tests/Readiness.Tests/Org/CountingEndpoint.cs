using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Readiness.Tests.Org;

/// <summary>
/// A loopback endpoint in front of moto for `scan --aws --org`: it forwards every AWS call and records which account
/// each belongs to (AssumeRole names the account in its RoleArn; later calls are signed with the key that AssumeRole
/// handed out), so a test can see how many accounts were being read at the same time. It can also refuse AssumeRole
/// into one account, as AWS does when the role is missing or does not trust the caller.
/// </summary>
public sealed partial class CountingEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Uri upstream;
    private readonly HttpClient forwarder = new();
    private readonly ConcurrentDictionary<string, string> accountOfKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Account, long Started, long Ended)> calls = new();
    private readonly string? refused;

    private CountingEndpoint(WebApplication app, Uri upstream, string? refused)
    {
        this.app = app;
        this.upstream = upstream;
        this.refused = refused;
    }

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<CountingEndpoint> StartAsync(Uri upstream, string? refuseAssumeRoleInto = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new CountingEndpoint(app, upstream, refuseAssumeRoleInto);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return endpoint;
    }

    /// <summary>The accounts that made calls (their AssumeRole included).</summary>
    public IReadOnlyCollection<string> Accounts => calls.Select(c => c.Account).ToHashSet();

    /// <summary>
    /// The most accounts in flight at once: an account is in flight from the start of its AssumeRole to the end of its
    /// last call. An end is taken before the answer is sent, so an account that starts after another's slot was freed
    /// never counts as overlapping it.
    /// </summary>
    public int MostAccountsInFlight()
    {
        var spans = calls.GroupBy(c => c.Account).Select(g => (Start: g.Min(c => c.Started), End: g.Max(c => c.Ended))).ToList();
        var events = spans.Select(s => (At: s.Start, Step: 1)).Concat(spans.Select(s => (At: s.End, Step: -1)))
            .OrderBy(e => e.At).ThenBy(e => e.Step); // an end at the same instant as a start is counted first
        var (now, most) = (0, 0);
        foreach (var e in events) most = Math.Max(most, now += e.Step);
        return most;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var assumed = AssumeRoleInto().Match(Uri.UnescapeDataString(body.Replace('+', ' ')));
        var account = assumed.Success ? assumed.Groups[2].Value
            : SigningKey().Match(context.Request.Headers.Authorization.ToString()) is { Success: true } key ? accountOfKey.GetValueOrDefault(key.Groups[1].Value) : null;

        if (assumed.Success && account == refused)
        {
            Record(account, started);
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync($"""
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: sts:AssumeRole on resource: {assumed.Groups[1].Value}</Message></Error><RequestId>c0ffee00-0000-0000-0000-000000000000</RequestId></ErrorResponse>
                """);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream, context.Request.Path + context.Request.QueryString));
        if (context.Request.Method != "GET") request.Content = new StringContent(body, Encoding.UTF8);
        foreach (var (name, value) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, value.ToArray())) request.Content?.Headers.Remove(name);
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) request.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
        }
        using var response = await forwarder.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        if (assumed.Success && AccessKeyIssued().Match(answer) is { Success: true } issued) accountOfKey[issued.Groups[1].Value] = account!;
        Record(account, started);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.WriteAsync(answer);
    }

    // Calls signed with the starting credentials (ListAccounts) belong to no member account.
    private void Record(string? account, long started)
    {
        if (account is not null) calls.Enqueue((account, started, Stopwatch.GetTimestamp()));
    }

    [GeneratedRegex(@"RoleArn=(arn:aws:iam::(\d{12}):role/[\w+=,.@/-]+)")]
    private static partial Regex AssumeRoleInto();

    [GeneratedRegex(@"Credential=(\w+)/")]
    private static partial Regex SigningKey();

    [GeneratedRegex(@"<AccessKeyId>(\w+)</AccessKeyId>")]
    private static partial Regex AccessKeyIssued();

    public async ValueTask DisposeAsync()
    {
        forwarder.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
