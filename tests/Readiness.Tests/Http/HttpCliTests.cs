using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Http;

/// <summary>`readiness scan --url` and `targets: http:` as a user runs them, against live local servers.</summary>
public sealed class HttpCliTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-http-cli-");

    public void Dispose() => work.Delete(recursive: true);

    private string Project => Directory.CreateDirectory(Path.Combine(work.FullName, "project")).FullName;
    private string Reports => Path.Combine(work.FullName, "reports");

    [Fact]
    public async Task Scan_with_urls_reports_findings_and_each_targets_grade()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var leaky = await TestApps.LeakyAsync();
        await using var hardened = await TestApps.HardenedAsync(certificate);

        var run = CliRunner.Run("scan", Project, "--url", leaky.HttpUrl, "--url", hardened.HttpUrl, "--insecure",
            "--http-timeout", "5", "--format", "json,md,html", "--output-dir", Reports);

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("RDY3011");
        run.Stdout.ShouldContain($"      at {leaky.HttpUrl}");
        run.Stdout.ShouldContain("HTTP TARGETS (grade per MDN HTTP Observatory scoring)");
        run.Stdout.ShouldContain($"  {leaky.HttpUrl}  grade F (score 0)\n");
        run.Stdout.ShouldContain($"  {hardened.HttpUrl} -> {hardened.HttpsUrl}  grade A+ (score 125)  [--insecure: the certificate chain is not trusted, e.g. self-signed]");
        run.Stdout.ShouldContain("       -25  Content Security Policy (CSP) header not implemented.");
        run.Stdout.ShouldMatch(@"(?m)^Scanned .*\b2 HTTP targets with ");
        run.Stdout.ShouldNotContain(TestApps.SessionValue);

        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(Reports, "results.json")));
        var targets = result.HttpTargets.ShouldNotBeNull();
        targets.Select(t => (t.Url, t.Grade)).ShouldBe([(leaky.HttpUrl, "F"), (hardened.HttpUrl, "A+")], ignoreOrder: true);
        targets.ShouldAllBe(t => t.Insecure);
        result.Findings.ShouldContain(f => f.Finding.RuleId == "RDY3014" && f.Finding.Location.Endpoint == leaky.HttpUrl);
        result.Findings.ShouldNotContain(f => f.Finding.Location.Endpoint == hardened.HttpUrl);
        result.Findings.ShouldNotContain(f => f.Finding.RuleId == "RDY3028"); // no grade gate unless the ruleset sets one

        var summary = File.ReadAllText(Path.Combine(Reports, "summary.md"));
        summary.ShouldContain($"| {leaky.HttpUrl} | F | 0 |  |");
        summary.ShouldContain($"| {hardened.HttpUrl} | A+ | 125 | redirects to {hardened.HttpsUrl}; --insecure: the certificate chain is not trusted, e.g. self-signed |");

        var html = File.ReadAllText(Path.Combine(Reports, "report.html"));
        html.ShouldContain($"<span class=\"grade grade-f\">F</span></td><td><code class=\"loc\">{leaky.HttpUrl}</code>");
        html.ShouldContain($"<span class=\"grade grade-a\">A+</span> <span class=\"muted\">125/100</span></td><td><code class=\"loc\">{hardened.HttpUrl}</code>");
        html.ShouldContain("Certificate checks were turned off (--insecure).");
        html.ShouldContain("cross-origin-resource-sharing (-50): Any origin may read responses with the user");
    }

    [Fact]
    public void Unreachable_target_fails_the_scan_with_exit_2_unless_incomplete_is_allowed()
    {
        using var closed = new ClosedPort();
        var url = closed.HttpUrl;

        var strict = CliRunner.Run("scan", Project, "--url", url);
        strict.ExitCode.ShouldBe(2, strict.Stdout + strict.Stderr);
        strict.Stdout.ShouldContain($"COULD NOT LOOK: {url}: connection to 127.0.0.1:");
        strict.Stdout.ShouldContain($"  {url}  not graded: connection to 127.0.0.1:");
        strict.Stdout.TrimEnd().Split('\n').Last().ShouldStartWith("INCOMPLETE: ");

        CliRunner.Run("scan", Project, "--url", url, "--allow-incomplete").ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Targets_in_the_project_ruleset_are_probed_with_their_settings()
    {
        using var certificate = LocalWebServer.SelfSignedCertificate();
        await using var weak = await TestApps.WeakTlsAsync(certificate);
        var project = Project;
        Directory.CreateDirectory(Path.Combine(project, ".readiness"));
        File.WriteAllText(Path.Combine(project, ".readiness", "ruleset.yaml"), $"""
            name: project
            extends: launch-readiness
            targets:
              http:
                timeout_seconds: 5
                request_budget: 16
                urls:
                  - url: {weak.HttpsUrl}
                    http_url: {weak.HttpUrl}
                    insecure: true
            """);

        var run = CliRunner.Run("scan", project, "--fail-on", "low", "--format", "json", "--output-dir", Reports);

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(Reports, "results.json")));
        result.Findings.Select(f => f.Finding.RuleId).Distinct().Order().ShouldBe(["RDY3002", "RDY3003", "RDY3005", "RDY3006", "RDY3007", "RDY3008", "RDY3009", "RDY3025", "RDY3026"]);
        result.HttpTargets.ShouldNotBeNull().ShouldHaveSingleItem().Grade.ShouldBe("D+");
        result.Coverage.Counts["http.requests"].ShouldBeLessThanOrEqualTo(16);
    }

    [Theory]
    [InlineData("targets:\n  http:\n    - ftp://example.com/\n", 3, "'ftp://example.com/' is not an absolute http:// or https:// URL.")]
    [InlineData("targets:\n  http:\n    urls: [https://example.com/]\n    timout_seconds: 3\n", 4, "unknown key 'timout_seconds' in targets.http")]
    [InlineData("targets:\n  http:\n    urls: [https://example.com/]\n    request_budget: 0\n", 3, "http request_budget must be at least 1.")]
    [InlineData("targets:\n  http:\n    - url: https://example.com/\n      insecure: maybe\n", 4, "insecure must be true or false.")]
    [InlineData("targets:\n  htpp:\n    - https://example.com/\n", 2, "unknown key 'htpp' under 'targets'; expected 'http'.")]
    [InlineData("http:\n  min_grade: Q\n", 2, "http.min_grade 'Q' is not a grade: use one of A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, F, or none.")]
    [InlineData("http:\n  min_grad: B\n", 2, "unknown key 'min_grad' under 'http'; expected 'min_grade'.")]
    public void Mistakes_in_targets_http_exit_2_with_file_and_line(string section, int line, string message)
    {
        var file = Path.Combine(work.FullName, "ruleset.yaml");
        File.WriteAllText(file, "name: broken\nextends: launch-readiness\n" + section);

        var run = CliRunner.Run("scan", Project, "--ruleset", file);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain($"{file}:{line + 2}: ");
        run.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task A_min_grade_in_the_ruleset_turns_a_lower_grade_into_a_high_finding()
    {
        await using var leaky = await TestApps.LeakyAsync();
        var project = Project;
        Directory.CreateDirectory(Path.Combine(project, ".readiness"));
        File.WriteAllText(Path.Combine(project, ".readiness", "ruleset.yaml"), "name: project\nextends: launch-readiness\nhttp:\n  min_grade: B\n");

        var run = CliRunner.Run("scan", project, "--url", leaky.HttpUrl, "--http-timeout", "5", "--format", "json", "--output-dir", Reports);

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(Reports, "results.json")));
        var gate = result.Findings.Single(f => f.Finding.RuleId == "RDY3028").Finding;
        gate.Severity.ShouldBe(Readiness.Rules.Model.Severity.High);
        gate.Message.ShouldStartWith($"{leaky.HttpUrl} grades F (score 0), below the ruleset's minimum B (http.min_grade);");
    }
}
