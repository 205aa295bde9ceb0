using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>
/// Two nights of the same project, scanned for real: yesterday DEBUG and SECRET_KEY were wrong and the DEBUG risk was
/// accepted until 2026-12-10; today DEBUG is still wrong but its suppression has expired, ALLOWED_HOSTS broke, and
/// SECRET_KEY is unchanged. Yesterday's inventory and today's sit beside the results (aws-inventory.json).
/// </summary>
public sealed class TwoRuns : IDisposable
{
    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("readiness-runs-");
    public string Yesterday => Path.Combine(Root.FullName, "2026-12-09");
    public string Today => Path.Combine(Root.FullName, "2026-12-10");

    public TwoRuns(bool withInventories = true)
    {
        var app = Path.Combine(Root.FullName, "app");
        // The HTTPS settings are set so that only the three findings this story is about remain.
        var original = File.ReadAllText(TestPaths.Fixture("Python/django_app/config/settings.py"))
            + "\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 31536000\nSESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\n";
        Directory.CreateDirectory(Path.Combine(app, "config"));
        Directory.CreateDirectory(Path.Combine(app, ".readiness/suppressions"));
        File.WriteAllText(Path.Combine(app, ".readiness/suppressions/RDY1101.yaml"),
            "suppressions:\n  - match: \"config/settings.py\"\n    reason: \"Forced off by the entrypoint\"\n    owner: \"platform-team\"\n    expires: 2026-12-10\n");

        File.WriteAllText(Path.Combine(app, "config/settings.py"), original.Replace("os.environ.get(\"ALLOWED_HOSTS\", \"*\")", "os.environ.get(\"ALLOWED_HOSTS\", \"\")"));
        Scan(app, new DateOnly(2026, 12, 9), Yesterday);
        File.WriteAllText(Path.Combine(app, "config/settings.py"), original);
        Scan(app, new DateOnly(2026, 12, 10), Today);
        if (withInventories)
        {
            File.Copy(TestPaths.Fixture("Workflows/inventories/before.json"), Path.Combine(Yesterday, "aws-inventory.json"));
            File.Copy(TestPaths.Fixture("Workflows/inventories/after.json"), Path.Combine(Today, "aws-inventory.json"));
        }
    }

    private static void Scan(string app, DateOnly day, string output)
    {
        var options = new ScanOptions { Path = app, Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero) };
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load("launch-readiness", app);
        var result = new ScanPipeline(options, ruleset).RunAsync().GetAwaiter().GetResult();
        Directory.CreateDirectory(output);
        ResultsJson.Write(result, Path.Combine(output, "results.json"));
    }

    public void Dispose() => Root.Delete(recursive: true);
}
