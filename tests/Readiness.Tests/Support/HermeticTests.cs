using System.Globalization;

namespace Readiness.Tests.Support;

/// <summary>The helpers that keep tests independent of the clock, the machine's environment and other processes' ports.</summary>
public sealed class HermeticTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-hermetic-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public void A_dated_fixture_copy_keeps_its_expiries_as_far_ahead_of_today_as_of_the_story_day()
    {
        var copy = DatedFixture.CopyToToday(TestPaths.Fixture("Workflows/accepted_app"), Path.Combine(work.FullName, "app"));

        var original = File.ReadAllText(TestPaths.Fixture("Workflows/accepted_app/.readiness/suppressions/RDY1101.yaml"));
        var moved = File.ReadAllText(Path.Combine(copy, ".readiness/suppressions/RDY1101.yaml"));
        original.ShouldContain("expires: 2027-01-10");
        var forty = DatedFixture.Today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        moved.ShouldBe(original.Replace("expires: 2027-01-10", "expires: " + forty, StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(copy, "config/settings.py")).ShouldBe(File.ReadAllText(TestPaths.Fixture("Workflows/accepted_app/config/settings.py")));
    }

    [Fact]
    public void The_test_process_reads_no_aws_settings_of_the_machine()
    {
        Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID").ShouldBe(HermeticEnvironment.AwsAccessKeyId);
        Environment.GetEnvironmentVariable("AWS_PROFILE").ShouldBeNull();
        Environment.GetEnvironmentVariable("AWS_REGION").ShouldBeNull();
        Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY").ShouldBeNull();
        File.Exists(Environment.GetEnvironmentVariable("AWS_CONFIG_FILE")).ShouldBeFalse();
        File.Exists(Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE")).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_thread_formats_as_the_shipped_cli_does()
    {
        var culture = await Task.Run(() => CultureInfo.CurrentCulture.Name);
        culture.ShouldBe(CultureInfo.InvariantCulture.Name);
        1234.5.ToString(CultureInfo.CurrentCulture).ShouldBe("1234.5");
    }

    [Fact]
    public async Task A_closed_port_refuses_connections_and_is_never_handed_out_as_a_free_port()
    {
        using var closed = new ClosedPort();
        using var client = new System.Net.Sockets.TcpClient();
        var refused = await Should.ThrowAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync(System.Net.IPAddress.Loopback, closed.Port));
        refused.SocketErrorCode.ShouldBe(System.Net.Sockets.SocketError.ConnectionRefused);
        // 2,000 free ports out of about 28,000: a port that was only released would be among them about 70 times in 1,000 runs.
        for (var i = 0; i < 2000; i++) ExternalProcess.FreeLoopbackPort().ShouldNotBe(closed.Port);
    }
}
