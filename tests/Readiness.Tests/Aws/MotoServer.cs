using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// A moto server (the AWS emulator in the machine image) on a free loopback port, seeded through its real API by
/// Fixtures/Aws/seed_moto.py. Fails clearly when python3 or moto is missing rather than skipping.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    private readonly Process process;

    private MotoServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <param name="awsManagedPolicies">Load AWS managed policies into IAM (the IAM tests attach them); every account
    /// moto first serves then costs seconds, so the organisation tests, with many accounts, leave them out.</param>
    public static async Task<MotoServer> StartAsync(bool awsManagedPolicies = true)
    {
        // The port is free when chosen but not reserved: on a shared machine another process can take it before moto
        // binds, so a moto that exits before answering is started again on a new port (three tries).
        for (var attempt = 1; ; attempt++)
        {
            var (server, exited) = await TryStartAsync(FreePort(), awsManagedPolicies);
            if (server is not null) return server;
            if (attempt == 3) throw new InvalidOperationException($"moto.server exited before answering, three times; is moto installed for python3? {exited}");
        }
    }

    // Python imports moto in seconds when the machine is idle and in many more on a loaded CI machine.
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    private static async Task<(MotoServer? Server, string Exited)> TryStartAsync(int port, bool awsManagedPolicies)
    {
        var start = new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (awsManagedPolicies) start.Environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The AWS tests need `python3 -m moto.server` (moto 5.2, part of the machine image; scripts/install-test-deps.sh installs it): python3 was not found.", e);
        }
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // the rest of its standard error
                var exited = $"(exit {process.ExitCode} on port {port}) ";
                process.Dispose();
                lock (stderr) return (null, exited + stderr);
            }
            try
            {
                using var answer = await http.GetAsync(new Uri(endpoint, "moto-api/"));
                return (new MotoServer(process, endpoint), "");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(entireProcessTree: true);
        lock (stderr) throw new InvalidOperationException($"moto.server did not answer on {endpoint} within {StartDeadline.TotalSeconds:0} s. {stderr}");
    }

    /// <summary>Runs a seed script of Fixtures/Aws (seed_moto.py unless named) against this server and returns what it created.</summary>
    public async Task<JsonElement> SeedAsync(int scale = 0, string script = "seed_moto.py")
    {
        script = Path.Combine(TestPaths.Fixtures, "Aws", script);
        var start = new ProcessStartInfo("python3", [script, Endpoint.ToString(), "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var seed = Process.Start(start)!;
        var output = seed.StandardOutput.ReadToEndAsync();
        var errors = seed.StandardError.ReadToEndAsync();
        await seed.WaitForExitAsync();
        if (seed.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(script)} failed: {await errors}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
