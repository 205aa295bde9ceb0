using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Cli;

/// <summary>
/// Fingerprints are what baselines and --fail-on-new compare, so they must not depend on the process: .NET randomises
/// string.GetHashCode per process, which once made an unchanged tree show one new and one fixed finding every run.
/// </summary>
public sealed class FingerprintStabilityTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-fingerprints-");

    public void Dispose() => output.Delete(recursive: true);

    private List<(string Rule, string Location, string Fingerprint)> ScanInOwnProcess(string sample, string run)
    {
        var dir = Path.Combine(output.FullName, run);
        var outcome = ExternalProcess.Readiness(new Dictionary<string, string>(), "scan", Path.Combine(TestPaths.Samples, sample), "--format", "json", "--output-dir", dir, "--allow-incomplete");
        outcome.ExitCode.ShouldBeOneOf([0, 1], outcome.Stderr);
        return ResultsJson.Read(File.ReadAllText(Path.Combine(dir, "results.json"))).Findings
            .Select(f => (f.Finding.RuleId, f.Finding.Location.Display(), f.Finding.Fingerprint)).ToList();
    }

    [Theory]
    [InlineData("coco-testai")]
    [InlineData("coco-testai-hardened")]
    public void Two_processes_give_identical_fingerprints_for_every_finding(string sample)
    {
        var first = ScanInOwnProcess(sample, "first");
        var second = ScanInOwnProcess(sample, "second");
        if (sample == "coco-testai") first.ShouldContain(f => f.Rule == "RDY1504", "the sample has the finding whose fingerprint once changed per process");
        second.ShouldBe(first);
        first.Select(f => f.Fingerprint).Distinct().Count().ShouldBe(first.Count, "each finding has its own fingerprint");
    }
}
