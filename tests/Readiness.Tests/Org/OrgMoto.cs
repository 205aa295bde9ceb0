using System.Text.Json;
using Readiness.Tests.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Org;

/// <summary>
/// An emulated AWS Organization on moto (seed_org.py: the management account and three members, one clean, two of
/// them under the "prod" unit), with one run already done the two ways a user can: a shard per account, scanned by
/// parallel processes into one run folder, and a single-process `scan --aws --org`. Tests copy the run folder before
/// changing it.
/// </summary>
public sealed class OrgMoto : IAsyncLifetime
{
    public const int Members = 3;

    public MotoServer Server { get; private set; } = null!;
    public JsonElement Seeded { get; private set; }
    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory("readiness-org-");

    /// <summary>The code every scan reads besides AWS (one Django finding).</summary>
    public static string App => Path.Combine(TestPaths.Repo, "tests", "Readiness.Tests", "Org", "app");

    public string RunFolder => Path.Combine(Work.FullName, "run");
    public string OrgScanFolder => Path.Combine(Work.FullName, "org-scan");
    public string AccountsFile => Path.Combine(RunFolder, "accounts.json");
    public string Matrix { get; private set; } = "";
    public IReadOnlyList<ExternalProcess.Outcome> ShardRuns { get; private set; } = [];
    public ExternalProcess.Outcome OrgScan { get; private set; } = null!;
    public string MergedFolder => Path.Combine(Work.FullName, "merged");
    public ExternalProcess.Outcome Merged { get; private set; } = null!;

    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["GITHUB_STEP_SUMMARY"] = "",
    };

    public string Endpoint => Server.Endpoint.ToString();

    public IEnumerable<string> MemberIds => Seeded.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("id").GetString()!);
    public string Management => Seeded.GetProperty("management").GetString()!;
    public string Clean => Seeded.GetProperty("clean").GetString()!;

    public async Task InitializeAsync()
    {
        Server = await MotoServer.StartAsync(awsManagedPolicies: false);
        Seeded = await Seed(Server.Endpoint, Members);

        Directory.CreateDirectory(RunFolder);
        var list = Readiness("accounts", "--org", "--endpoint-url", Endpoint, "--format", "json");
        list.ExitCode.ShouldBe(0, list.Stderr);
        File.WriteAllText(AccountsFile, list.Stdout);
        var matrix = Readiness("accounts", "--org", "--endpoint-url", Endpoint, "--format", "github-matrix");
        matrix.ExitCode.ShouldBe(0, matrix.Stderr);
        Matrix = matrix.Stdout;

        // One shard per matrix entry, as the workflow's scan job runs them: separate processes, at the same time.
        var entries = JsonDocument.Parse(Matrix).RootElement.GetProperty("include").EnumerateArray()
            .Select(e => (Account: e.GetProperty("account").GetString()!, Role: e.GetProperty("role").GetString()!)).ToList();
        ShardRuns = await Task.WhenAll(entries.Select(e => Task.Run(() => Readiness(ShardScan(e.Role, Path.Combine(RunFolder, e.Account))))));
        OrgScan = await Task.Run(() => Readiness("scan", App, "--aws", "--org", "--endpoint-url", Endpoint, "--regions", "us-east-1",
            "--format", "json", "--output-dir", OrgScanFolder, "--max-accounts", "2"));
        Merged = Readiness("merge", RunFolder, "--accounts", AccountsFile, "--output-dir", MergedFolder);
    }

    public string[] ShardScan(string role, string output) =>
        ["scan", App, "--aws", "--role-arn", role, "--endpoint-url", Endpoint, "--regions", "us-east-1", "--format", "json", "--output-dir", output];

    public static ExternalProcess.Outcome Readiness(params string[] args) => ExternalProcess.Readiness(Environment, args);

    /// <summary>Runs seed_org.py against a moto server and returns what it created.</summary>
    public static async Task<JsonElement> Seed(Uri endpoint, int members, int resourcesPerAccount = 0)
    {
        var script = Path.Combine(TestPaths.Repo, "tests", "Readiness.Tests", "Org", "seed_org.py");
        var start = new System.Diagnostics.ProcessStartInfo("python3", [script, endpoint.ToString(), "--accounts", members.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--resources", resourcesPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var seed = System.Diagnostics.Process.Start(start)!;
        var output = seed.StandardOutput.ReadToEndAsync();
        var errors = seed.StandardError.ReadToEndAsync();
        await seed.WaitForExitAsync();
        if (seed.ExitCode != 0) throw new InvalidOperationException($"seed_org.py failed: {await errors}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    /// <summary>A copy of the run folder to change (delete, duplicate or edit a shard); under <see cref="Work"/>, so it is deleted with it.</summary>
    public string CopyOfRun()
    {
        var copy = Directory.CreateDirectory(Path.Combine(Work.FullName, "copies", Guid.NewGuid().ToString("N"))).FullName;
        foreach (var file in Directory.EnumerateFiles(RunFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RunFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Work.Delete(recursive: true);
    }
}
