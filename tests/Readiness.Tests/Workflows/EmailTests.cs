using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>`readiness notify email` against a real SMTP server on loopback.</summary>
public sealed class EmailTests(SmtpSink smtp) : IClassFixture<SmtpSink>, IDisposable
{
    private readonly TwoRuns runs = new();

    public void Dispose() => runs.Dispose();

    private string Drift()
    {
        var folder = Path.Combine(runs.Root.FullName, "drift");
        CliRunner.Run("drift", "--from", runs.Yesterday, "--to", runs.Today, "--output-dir", folder).ExitCode.ShouldBe(0);
        return folder;
    }

    private JsonElement Received(string recipient) =>
        smtp.Messages().Single(m => m.GetProperty("rcptTos").EnumerateArray().Any(r => r.GetString() == recipient));

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public void The_drift_email_arrives_with_the_html_report_a_text_part_and_the_reports_attached()
    {
        var report = Drift();
        var port = smtp.Port.ToString(CultureInfo.InvariantCulture);
        var run = CliRunner.Run("notify", "email", "--report", report, "--to", "oncall@example.test", "--to", "cto@example.test",
            "--from", "readiness@example.test", "--smtp-host", "127.0.0.1", "--smtp-port", port);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("with 3 attachments");

        var message = Received("oncall@example.test");
        message.GetProperty("rcptTos").EnumerateArray().Select(r => r.GetString()).ShouldBe(["oncall@example.test", "cto@example.test"]);
        message.GetProperty("subject").GetString().ShouldBe("Readiness drift: 1 new, 0 fixed, 1 expired suppression, 4 resource changes, NOT READY");
        message.GetProperty("from").GetString().ShouldBe("readiness@example.test");
        message.GetProperty("contentType").GetString().ShouldBe("multipart/mixed");
        message.GetProperty("messageIds").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldMatch(@"^<readiness\.[0-9a-f]{32}@example\.test>$");
        var date = message.GetProperty("dates").EnumerateArray().ShouldHaveSingleItem().GetString()!;
        (DateTimeOffset.UtcNow - DateTimeOffset.Parse(date, CultureInfo.InvariantCulture)).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(10));
        var html = message.GetProperty("html").GetString()!;
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<h2 id=\"new\">New findings (1)</h2>");
        html.ShouldContain("deletionProtection");
        html.ShouldContain("max-width:600px;table-layout:fixed", customMessage: "tables fit a 600 px mail pane");
        html.ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Path.Combine(report, "drift.html")).ReplaceLineEndings("\n"));
        var text = message.GetProperty("text").GetString()!;
        text.ShouldContain("## New findings (1)");
        text.ShouldContain("RDY1102");

        var attachments = message.GetProperty("attachments").EnumerateArray().ToDictionary(a => a.GetProperty("filename").GetString()!, a => a);
        attachments.Keys.Order().ShouldBe(["drift.html", "drift.json", "drift.md"]);
        foreach (var (name, attachment) in attachments)
            attachment.GetProperty("sha256").GetString().ShouldBe(Sha256(Path.Combine(report, name)), name);
        attachments["drift.json"].GetProperty("contentType").GetString().ShouldBe("application/json");
    }

    [Fact]
    public void A_scan_report_is_sent_with_its_verdict_and_counts_in_the_subject()
    {
        var report = Path.Combine(runs.Root.FullName, "scan");
        var app = Path.Combine(runs.Root.FullName, "app");
        // The two runs' story accepts DEBUG until 2026-12-10; this CLI scan runs on the real clock, so the acceptance is
        // moved ahead of today (the subject below counts it as suppressed on any day).
        var suppression = Path.Combine(app, ".readiness/suppressions/RDY1101.yaml");
        var accepted = File.ReadAllText(suppression);
        accepted.ShouldContain("expires: 2026-12-10");
        File.WriteAllText(suppression, accepted.Replace("expires: 2026-12-10", "expires: " + DatedFixture.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        CliRunner.Run("scan", app, "--format", "json,html,md", "--output-dir", report).ExitCode.ShouldBe(1);
        var run = CliRunner.Run("notify", "email", "--report", report, "--to", "scan@example.test", "--from", "readiness@example.test",
            "--smtp-host", "127.0.0.1", "--smtp-port", smtp.Port.ToString(CultureInfo.InvariantCulture));
        run.ExitCode.ShouldBe(0, run.Stderr);
        var message = Received("scan@example.test");
        message.GetProperty("subject").GetString()!.ShouldBe("Readiness scan: 2 findings (2 blocking), 1 suppressed, NOT READY");
        message.GetProperty("html").GetString()!.ShouldContain("<html");
        message.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("filename").GetString()).Order().ShouldBe(["report.html", "results.json", "summary.md"]);
    }

    [Fact]
    public void A_refused_delivery_exits_non_zero_with_the_servers_answer()
    {
        var run = CliRunner.Run("notify", "email", "--report", Drift(), "--to", "reject-me@example.test", "--from", "readiness@example.test",
            "--smtp-host", "127.0.0.1", "--smtp-port", smtp.Port.ToString(CultureInfo.InvariantCulture));
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("refused");
        run.Stderr.ShouldContain("reject-me@example.test");
        run.Stderr.ShouldContain("550");
        smtp.Messages().ShouldNotContain(m => m.GetProperty("to").GetString()!.Contains("reject-me"));
    }

    [Fact]
    public void Nothing_to_send_or_a_missing_password_variable_exits_2_before_connecting()
    {
        var empty = Directory.CreateDirectory(Path.Combine(runs.Root.FullName, "empty")).FullName;
        var none = CliRunner.Run("notify", "email", "--report", empty, "--to", "a@example.test", "--from", "b@example.test", "--smtp-host", "127.0.0.1");
        none.ExitCode.ShouldBe(2);
        none.Stderr.ShouldContain("no drift.json or results.json");

        var noPassword = CliRunner.Run("notify", "email", "--report", Drift(), "--to", "a@example.test", "--from", "b@example.test", "--smtp-host", "127.0.0.1",
            "--smtp-user", "AKIAEXAMPLE", "--smtp-password-env", "READINESS_TEST_UNSET_PASSWORD_VARIABLE");
        noPassword.ExitCode.ShouldBe(2);
        noPassword.Stderr.ShouldContain("READINESS_TEST_UNSET_PASSWORD_VARIABLE");
    }
}
