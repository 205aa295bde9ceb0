using System.Diagnostics;
using Readiness.Rules.Model;
using Readiness.Runner.Sources.Http;

namespace Readiness.Tests.Http;

/// <summary>Hostile HTTP servers on 127.0.0.1 (issue 13): each scan ends in bounded time and memory, and what could not be read is a gap.</summary>
public sealed class HttpHostileTests
{
    // Only the slowloris test is about the timeout. The others get one no loaded machine reaches, so a slow first
    // answer is never mistaken for the failure under test. The wall-clock bounds are far below what an unbounded read
    // would take (the slowloris server dribbles for 50 minutes, the endless body never ends) and far above a slow run.
    private static readonly HttpProbeOptions Options = HttpScan.FastOptions with { Timeout = TimeSpan.FromSeconds(2) };
    private static readonly HttpProbeOptions Patient = HttpScan.FastOptions with { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly TimeSpan Bounded = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Huge_headers_are_a_gap_not_a_crash()
    {
        using var server = HostileServer.HugeHeaders();
        var watch = Stopwatch.StartNew();
        var scan = await HttpScan.RunAsync(Patient, new HttpProbeTarget(server.Url));

        var gap = scan.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe(server.Url);
        gap.Reason.ShouldStartWith($"request to {server.Url} failed: ");
        scan.Targets.Single().Failure.ShouldNotBeNull();
        scan.Findings.ShouldBeEmpty();
        watch.Elapsed.ShouldBeLessThan(Bounded);
    }

    [Fact]
    public async Task An_endless_body_is_read_up_to_the_limit_and_judged()
    {
        using var server = HostileServer.EndlessBody();
        var watch = Stopwatch.StartNew();
        var scan = await HttpScan.RunAsync(Patient with { MaxBodyBytes = 64 * 1024 }, new HttpProbeTarget(server.Url));

        var page = scan.Targets.Single().Exchange(HttpPurposes.Page).ShouldNotBeNull();
        page.BodyExcerpt.Length.ShouldBe(64 * 1024);
        scan.Grade(server.Url).ShouldNotBeNull();
        scan.Coverage.Counts["http.requests"].ShouldBeLessThanOrEqualTo(Patient.RequestBudget);
        watch.Elapsed.ShouldBeLessThan(Bounded);
    }

    [Fact]
    public async Task A_slowloris_server_times_out_within_the_limit()
    {
        using var server = HostileServer.Slowloris();
        var watch = Stopwatch.StartNew();
        var scan = await HttpScan.RunAsync(Options, new HttpProbeTarget(server.Url));

        scan.Coverage.Gaps.ShouldHaveSingleItem().Reason.ShouldBe($"no response from {server.Url} within 2 s (timeout)");
        scan.Findings.ShouldBeEmpty();
        watch.Elapsed.ShouldBeLessThan(Bounded);
    }
}
