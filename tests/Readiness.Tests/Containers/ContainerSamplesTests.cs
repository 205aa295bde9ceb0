using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Containers;

/// <summary>
/// The seed plans' container files as a new user scans them: samples/containers (seed 000's Django API image and
/// local compose file, seed 003's compose stack on EC2 and the host's security group) reports each problem at its line; its hardened twin
/// reports nothing at all.
/// </summary>
public sealed class ContainerSamplesTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("readiness-containers-");

    private static readonly string[] Expected =
    [
        "coco-api/api/.env:1 RDY1004",
        "coco-api/infrastructure/docker/api/Dockerfile:3 RDY1601",
        "coco-api/infrastructure/docker/api/Dockerfile:3 RDY1610",
        "coco-api/infrastructure/docker/api/Dockerfile:8 RDY1602",
        "coco-api/infrastructure/docker/api/Dockerfile:19 RDY1604",
        "coco-api/infrastructure/docker/api/Dockerfile:23 RDY1609",
        "coco-api/infrastructure/docker/docker-compose.yml:3 RDY1625",
        "coco-api/infrastructure/docker/docker-compose.yml:8 RDY1621",
        "coco-api/infrastructure/docker/docker-compose.yml:10 RDY1620",
        "coco-api/infrastructure/docker/docker-compose.yml:14 RDY1625",
        "coco-api/infrastructure/docker/docker-compose.yml:15 RDY1621",
        "coco-api/infrastructure/docker/docker-compose.yml:17 RDY1620",
        "coco-api/infrastructure/docker/docker-compose.yml:19 RDY1625",
        "coco-api/infrastructure/docker/docker-compose.yml:24 RDY1623",
        "cohuron-pmo/docker-compose.yml:5 RDY1625",
        "cohuron-pmo/docker-compose.yml:10 RDY1621",
        "cohuron-pmo/docker-compose.yml:13 RDY1620",
        "cohuron-pmo/docker-compose.yml:18 RDY1625",
        "cohuron-pmo/docker-compose.yml:19 RDY1621",
        "cohuron-pmo/docker-compose.yml:22 RDY1620",
        "cohuron-pmo/docker-compose.yml:24 RDY1625",
        "cohuron-pmo/docker-compose.yml:25 RDY1624",
        "cohuron-pmo/docker-compose.yml:30 RDY1621",
        "cohuron-pmo/docker-compose.yml:32 RDY1620",
        "cohuron-pmo/docker-compose.yml:33 RDY1620",
        "cohuron-pmo/docker-compose.yml:33 RDY1626",
        "cohuron-pmo/docker-compose.yml:37 RDY1625",
        "cohuron-pmo/docker-compose.yml:38 RDY1623",
        "cohuron-pmo/docker-compose.yml:38 RDY1624",
        "cohuron-pmo/docker-compose.yml:41 RDY1620",
        "cohuron-pmo/docker-compose.yml:42 RDY1620",
        "cohuron-pmo/infrastructure/terraform/network.tf:53 RDY2103",
        "cohuron-pmo/infrastructure/terraform/network.tf:61 RDY2103",
        "cohuron-pmo/infrastructure/terraform/network.tf:69 RDY1626",
    ];

    private ScanResult Scan(string sample, int exitCode)
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, sample), "--format", "json", "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(exitCode, run.Stdout + run.Stderr);
        return ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json")));
    }

    [Fact]
    public void Not_ready_sample_reports_each_seed_problem_at_its_line()
    {
        var result = Scan("containers", exitCode: 1);
        result.Coverage.Gaps.ShouldBeEmpty();
        var actual = result.Findings.Select(f => $"{f.Finding.Location.File!.Path}:{f.Finding.Location.File.StartLine} {f.Finding.RuleId}").Order(StringComparer.Ordinal).ToList();
        actual.ShouldBe(Expected.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_postgres_port_of_seed_003_names_the_security_group_as_the_only_barrier()
    {
        var result = Scan("containers", exitCode: 1);
        var port = result.Findings.Single(f => f.Finding.RuleId == "RDY1620" && f.Finding.Location.File!.Path == "cohuron-pmo/docker-compose.yml" && f.Finding.Location.File.StartLine == 13).Finding;
        port.Message.ShouldBe("Service 'db' publishes its PostgreSQL port 5432 as host port 5434 on every interface of the host (\"5434:5432\"); on a host with a public IP only the security group stands between that port and the internet. Bind it to loopback (\"127.0.0.1:5434:5432\") or remove `ports:` and reach it over the compose network. Judged as production: nothing in the name or folder of cohuron-pmo/docker-compose.yml says local-only, so it is judged as production.");
        port.Severity.ShouldBe(Readiness.Rules.Model.Severity.High);
    }

    [Fact]
    public void Hardened_sample_reports_nothing()
    {
        var result = Scan("containers-hardened", exitCode: 0);
        result.Coverage.Gaps.ShouldBeEmpty();
        result.Findings.Select(f => $"{f.Finding.Location.File?.Path}:{f.Finding.Location.File?.StartLine} {f.Finding.RuleId} {f.Finding.Message}").ShouldBeEmpty();
        result.Coverage.Counts["containers.compose_files"].ShouldBe(2);
        result.Coverage.Counts["containers.dockerfiles"].ShouldBe(1);
    }

    [Fact]
    public void A_ruleset_can_declare_a_compose_file_local_only()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "containers"), "--ruleset", TestPaths.Fixture("Rulesets/containers-local.yaml"),
            "--format", "json", "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        var findings = ResultsJson.Read(File.ReadAllText(Path.Combine(output.FullName, "results.json"))).Findings.Select(f => f.Finding).ToList();
        var local = findings.Where(f => f.Location.File!.Path == "coco-api/infrastructure/docker/docker-compose.yml").ToList();
        // The port and credential findings stay, at low severity; debug settings and restart policies are not judged on a laptop.
        local.Select(f => $"{f.Location.File!.StartLine} {f.RuleId}").Order(StringComparer.Ordinal).ShouldBe(["10 RDY1620", "15 RDY1621", "17 RDY1620", "8 RDY1621"]);
        local.ShouldAllBe(f => f.Severity == Readiness.Rules.Model.Severity.Low
            && f.Message.EndsWith("Reported at low severity: coco-api/infrastructure/docker/docker-compose.yml is listed as local-only in the ruleset (containers.local_compose: coco-api/infrastructure/docker/docker-compose.yml).", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Location.File!.Path == "cohuron-pmo/docker-compose.yml" && f.Severity == Readiness.Rules.Model.Severity.High);
    }

    [Fact]
    public void A_misspelt_containers_setting_is_an_error_at_its_line()
    {
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "containers"), "--ruleset", TestPaths.Fixture("Rulesets/containers-bad-key.yaml"), "--output-dir", output.FullName);
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("containers-bad-key.yaml:4: unknown key 'local_compose_files' under 'containers'; expected 'local_compose' or 'production_compose'.");
    }

    public void Dispose() => output.Delete(recursive: true);
}
