using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Readiness.Tests.Http;

/// <summary>The Kestrel apps the HTTP tests scan: one leaky, one with weak headers over TLS, one hardened.</summary>
public static class TestApps
{
    public const string SessionValue = "s3ss10n-v4lue-that-must-never-be-printed";

    /// <summary>
    /// Plain HTTP, developer exception page on, a 404 handler that prints the exception, CORS that trusts any origin
    /// with credentials, a version-disclosing Server header and a session cookie without flags.
    /// </summary>
    public static Task<LocalWebServer> LeakyAsync() => LocalWebServer.StartAsync(
        services => services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            policy.SetIsOriginAllowed(_ => true).AllowCredentials().AllowAnyHeader().AllowAnyMethod())),
        (app, _) =>
        {
            app.UseDeveloperExceptionPage();
            app.Use(async (context, next) =>
            {
                context.Response.Headers.Server = "nginx/1.18.0";
                context.Response.Headers["X-AspNet-Version"] = "4.0.30319";
                await next();
            });
            app.UseCors();
            app.MapGet("/", (HttpContext context) =>
            {
                context.Response.Cookies.Append("sessionid", SessionValue);
                return Results.Content("<!doctype html><html><body><h1>Leaky</h1></body></html>", "text/html");
            });
            app.MapPost("/", async (HttpContext context) => Results.Ok(await context.Request.ReadFromJsonAsync<Dictionary<string, string>>()));
            app.MapFallback((HttpContext context) =>
            {
                try
                {
                    return Results.Text(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "pages", context.Request.Path.Value!.Trim('/'))), "text/html");
                }
                catch (IOException ex)
                {
                    return Results.Text(ex.ToString(), "text/plain", statusCode: 404);
                }
            });
        });

    /// <summary>
    /// HTTPS with headers that are present but weak (short HSTS, unsafe CSP, ALLOW-FROM, unsafe-url, a cookie with
    /// only Secure), and a plain-HTTP listener that serves the page instead of redirecting. /report-only sends its CSP
    /// in report-only mode.
    /// </summary>
    public static Task<LocalWebServer> WeakTlsAsync(X509Certificate2 certificate) => LocalWebServer.StartAsync(
        _ => { },
        (app, _) =>
        {
            app.Use(async (context, next) =>
            {
                var headers = context.Response.Headers;
                if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=3600";
                const string policy = "default-src 'self' 'unsafe-inline' 'unsafe-eval' *; img-src http://images.example.com";
                if (context.Request.Path == "/report-only") headers.ContentSecurityPolicyReportOnly = policy;
                else headers.ContentSecurityPolicy = policy;
                headers.XFrameOptions = "ALLOW-FROM https://partner.example.com";
                headers.XContentTypeOptions = "sniff";
                headers["Referrer-Policy"] = "unsafe-url";
                await next();
            });
            app.MapGet("/{**path}", (HttpContext context) =>
            {
                context.Response.Cookies.Append("prefs", "theme-dark", new CookieOptions { Secure = true });
                return Results.Content("<!doctype html><html><body>Weak</body></html>", "text/html");
            });
        },
        certificate);

    /// <summary>
    /// Redirect shapes on the plain-HTTP listener: /via-http goes to another http:// URL before HTTPS, /off-host goes
    /// to HTTPS on another host name (localhost), /cookie-on-redirect sets a session cookie on its 301 to HTTPS, /loop
    /// redirects to itself. HTTPS serves a hardened page. Every request's Host header is recorded in <paramref name="hosts"/>.
    /// </summary>
    public static Task<LocalWebServer> RedirectsAsync(X509Certificate2 certificate, System.Collections.Concurrent.ConcurrentQueue<string>? hosts = null) => LocalWebServer.StartAsync(
        _ => { },
        (app, server) =>
        {
            app.Use(async (context, next) =>
            {
                hosts?.Enqueue(context.Request.Host.Host);
                var https = server().HttpsUrl!.TrimEnd('/');
                var path = context.Request.Path.Value;
                if (!context.Request.IsHttps)
                {
                    var http = server().HttpUrl.TrimEnd('/');
                    var target = path switch
                    {
                        "/via-http" => http + "/step",
                        "/step" => https + "/",
                        "/off-host" => https.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/",
                        "/cookie-on-redirect" => https + "/",
                        _ => http + "/loop",
                    };
                    if (path == "/cookie-on-redirect") context.Response.Headers.SetCookie = "sessionid=" + SessionValue + "; Path=/";
                    context.Response.Redirect(target, permanent: true);
                    return;
                }
                var headers = context.Response.Headers;
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                await next();
            });
            app.MapGet("/", () => Results.Content("<!doctype html><html><body>Landing</body></html>", "text/html"));
        },
        certificate);

    /// <summary>
    /// HTTPS with ASP.NET's UseHsts, a strict CSP, nosniff, a private Referrer-Policy, a flagged session cookie,
    /// a generic error handler, CORS for one named origin, and a plain-HTTP listener that only redirects to HTTPS.
    /// </summary>
    public static Task<LocalWebServer> HardenedAsync(X509Certificate2 certificate) => LocalWebServer.StartAsync(
        services =>
        {
            services.AddHsts(hsts =>
            {
                hsts.MaxAge = TimeSpan.FromDays(365);
                hsts.IncludeSubDomains = true;
                hsts.ExcludedHosts.Clear(); // ASP.NET leaves loopback out by default; the test server is on loopback.
            });
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins("https://app.example.com").AllowCredentials()));
        },
        (app, server) =>
        {
            app.Use(async (context, next) =>
            {
                if (!context.Request.IsHttps)
                {
                    context.Response.Redirect(server().HttpsUrl!.TrimEnd('/') + context.Request.Path + context.Request.QueryString, permanent: true);
                    return;
                }
                await next();
            });
            app.UseExceptionHandler(error => error.Run(context => context.Response.WriteAsJsonAsync(new { error = "Something went wrong." })));
            app.UseStatusCodePages("text/plain", "Error {0}.");
            app.UseHsts();
            app.Use(async (context, next) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                await next();
            });
            app.UseCors();
            app.MapGet("/", (HttpContext context) =>
            {
                context.Response.Cookies.Append("sessionid", SessionValue, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict });
                context.Response.Headers.CacheControl = "no-store";
                return Results.Content("<!doctype html><html><body>Hardened</body></html>", "text/html");
            });
            app.MapPost("/", async (HttpContext context) => Results.Ok(await context.Request.ReadFromJsonAsync<Dictionary<string, string>>()));
        },
        certificate);

    /// <summary>
    /// Plain HTTP with everything a careless deployment leaves reachable: /.git/HEAD, /.env (with a secret),
    /// /.DS_Store, a listing of /docs/ (the target page is /docs/readme.html), Apache's /server-status, Spring's
    /// /actuator/env, /phpinfo.php, an /admin/ login, the Django debug toolbar in the page, and TRACE echoing requests.
    /// Every other path is a real 404.
    /// </summary>
    public static Task<LocalWebServer> ExposedAsync() => LocalWebServer.StartAsync(
        _ => { },
        (app, _) =>
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Method != "TRACE")
                {
                    await next();
                    return;
                }
                context.Response.ContentType = "message/http";
                var echo = $"TRACE {context.Request.Path} HTTP/1.1\r\n" + string.Concat(context.Request.Headers.Select(h => $"{h.Key}: {h.Value}\r\n"));
                await context.Response.WriteAsync(echo);
            });
            app.MapGet("/docs/readme.html", () => Results.Content(
                "<!doctype html><html><body><h1>Readme</h1><div id=\"djDebug\" class=\"djdt-hidden\" dir=\"ltr\"></div></body></html>", "text/html"));
            app.MapGet("/docs/", () => Results.Content(
                "<html><head><title>Index of /docs/</title></head><body><h1>Index of /docs/</h1><hr><pre><a href=\"../\">../</a>\n<a href=\"readme.html\">readme.html</a>\n<a href=\"db-backup.sql.gz\">db-backup.sql.gz</a>\n</pre></body></html>", "text/html"));
            // /go redirects wherever ?to= says (an open redirect); /safe-go only to local paths.
            app.MapGet("/go", (string to) => Results.Redirect(to));
            app.MapGet("/safe-go", (string to) => Results.Redirect(to.StartsWith('/') && !to.StartsWith("//", StringComparison.Ordinal) ? to : "/docs/readme.html"));
            app.MapGet("/.git/HEAD", () => Results.Text("ref: refs/heads/main\n", "text/plain"));
            app.MapGet("/.env", () => Results.Text($"DATABASE_URL=postgres://app:{EnvSecret}@db.internal/app\nSECRET_KEY={EnvSecret}\nDEBUG=False\n", "text/plain"));
            app.MapGet("/.DS_Store", () => Results.Bytes([0, 0, 0, 1, (byte)'B', (byte)'u', (byte)'d', (byte)'1', 0, 0, 16, 0], "application/octet-stream"));
            app.MapGet("/server-status", () => Results.Content(
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html><head>\n<title>Apache Status</title>\n</head><body>\n<h1>Apache Server Status for 127.0.0.1 (via 127.0.0.1)</h1>\n<dl><dt>Server Version: Apache/2.4.57 (Debian)</dt></dl></body></html>", "text/html"));
            app.MapGet("/actuator/env", () => Results.Text(
                "{\"activeProfiles\":[\"prod\"],\"propertySources\":[{\"name\":\"systemEnvironment\",\"properties\":{\"DB_PASSWORD\":{\"value\":\"" + EnvSecret + "\"}}}]}", "application/json"));
            app.MapGet("/phpinfo.php", () => Results.Content(
                "<!DOCTYPE html><html><head><title>phpinfo()</title></head><body><div class=\"center\"><table><tr class=\"h\"><td><h1 class=\"p\">PHP Version 8.1.2</h1></td></tr></table></div></body></html>", "text/html"));
            app.MapGet("/admin/", () => Results.Content(
                "<!doctype html><html><head><title>Log in | Django site admin</title></head><body><form method=\"post\"><input type=\"text\" name=\"username\"><input type=\"password\" name=\"password\"></form></body></html>", "text/html"));
        });

    /// <summary>The secret in the exposed server's .env and actuator: it must never appear in any output.</summary>
    public const string EnvSecret = "pr0d-db-p4ssw0rd-never-print";

    /// <summary>
    /// A soft-404 single-page app: every path, the random missing one included, answers 200 with the same page (which
    /// has a login form and echoes the path), over HTTPS with hardened headers.
    /// </summary>
    public static Task<LocalWebServer> SoftNotFoundAsync(X509Certificate2 certificate) => LocalWebServer.StartAsync(
        _ => { },
        (app, server) =>
        {
            app.Run(async context =>
            {
                if (!context.Request.IsHttps)
                {
                    context.Response.Redirect(server().HttpsUrl!.TrimEnd('/') + context.Request.Path, permanent: true);
                    return;
                }
                var headers = context.Response.Headers;
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(
                    $"<!doctype html><html><body><div id=\"app\" data-route=\"{context.Request.Path}\"><form><input name=\"email\"><input type=\"password\" name=\"password\"></form></div></body></html>");
            });
        },
        certificate);

    /// <summary>A hardened HTTPS page on the given certificate and protocols (for the TLS checks), HTTP redirecting to it.</summary>
    public static Task<LocalWebServer> TlsAsync(X509Certificate2 certificate, System.Security.Authentication.SslProtocols protocols = System.Security.Authentication.SslProtocols.None) =>
        LocalWebServer.StartAsync(
            _ => { },
            (app, server) =>
            {
                app.Use(async (context, next) =>
                {
                    if (!context.Request.IsHttps)
                    {
                        context.Response.Redirect(server().HttpsUrl!.TrimEnd('/') + context.Request.Path, permanent: true);
                        return;
                    }
                    var headers = context.Response.Headers;
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                    await next();
                });
                app.MapGet("/", () => Results.Content("<!doctype html><html><body>TLS</body></html>", "text/html"));
            },
            certificate, protocols);
}
