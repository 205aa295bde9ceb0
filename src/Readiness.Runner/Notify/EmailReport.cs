using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Readiness.Runner.Drift;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;

namespace Readiness.Runner.Notify;

/// <summary>
/// The message for a report folder: a drift report (drift.json) or else a scan report (results.json), as an HTML body
/// with a plain-text alternative, the verdict and counts in the subject, and the folder's report files attached.
/// </summary>
public sealed record EmailReport(string Subject, string Html, string Text, IReadOnlyList<string> Attachments)
{
    private static readonly string[] AttachedExtensions = [".html", ".md", ".json", ".sarif", ".xml"];

    /// <summary>Reads a report folder; throws FileNotFoundException when it holds neither drift.json nor results.json.</summary>
    public static EmailReport From(string folder)
    {
        var attachments = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => AttachedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList()
            : [];
        var driftJson = Path.Combine(folder, "drift.json");
        if (File.Exists(driftJson))
        {
            var drift = DriftWriters.Read(File.ReadAllText(driftJson));
            return new EmailReport(drift.Summary(),
                ReadOr(Path.Combine(folder, "drift.html"), () => DriftWriters.Html(drift)),
                ReadOr(Path.Combine(folder, "drift.md"), () => DriftWriters.Markdown(drift)),
                attachments);
        }
        var resultsJson = Path.Combine(folder, "results.json");
        if (File.Exists(resultsJson))
        {
            var result = ResultsJson.Read(File.ReadAllText(resultsJson));
            var console = new StringWriter();
            ConsoleReporter.Write(result, console);
            var text = ReadOr(Path.Combine(folder, "summary.md"), console.ToString);
            var html = File.Exists(Path.Combine(folder, "report.html"))
                ? File.ReadAllText(Path.Combine(folder, "report.html"))
                : $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(ScanSubject(result))}</title></head>\n<body><pre>{System.Net.WebUtility.HtmlEncode(text)}</pre></body></html>\n";
            return new EmailReport(ScanSubject(result), html, text, attachments);
        }
        throw new FileNotFoundException($"{folder}: no drift.json or results.json to send; run 'readiness drift' or 'readiness scan --format json,html' into it first.");
    }

    /// <summary>"Readiness scan: 3 findings (2 blocking), 1 suppressed, NOT READY".</summary>
    public static string ScanSubject(ScanResult result)
    {
        var active = result.Active.Count();
        var suppressed = result.Findings.Count(f => f.Suppression is not null);
        var parts = new List<string> { $"{active} finding{(active == 1 ? "" : "s")} ({result.Verdict.Blocking} blocking)" };
        if (suppressed > 0) parts.Add($"{suppressed} suppressed");
        if (result.Baseline is not null) parts.Add($"{result.Findings.Count(f => f.BaselineState == "new" && f.Suppression is null)} new, {result.Fixed.Count} fixed");
        return $"Readiness scan: {string.Join(", ", parts)}, {DriftReport.VerdictLabel(result.Verdict.Status)}";
    }

    private static string ReadOr(string path, Func<string> render) => File.Exists(path) ? File.ReadAllText(path) : render();

    /// <summary>multipart/mixed: a multipart/alternative (text, then HTML, so capable clients show the HTML) and the attachments.</summary>
    public MailMessage ToMessage(string from, IEnumerable<string> to, TimeProvider? time = null)
    {
        var sender = new MailAddress(from);
        var message = new MailMessage { From = sender, Subject = Subject, SubjectEncoding = Encoding.UTF8 };
        // RFC 5322 wants both; without them some relays and spam filters mark the mail, and threads break.
        message.Headers.Add("Date", (time ?? TimeProvider.System).GetUtcNow().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add("Message-ID", $"<readiness.{Guid.NewGuid():N}@{sender.Host}>");
        foreach (var address in to) message.To.Add(new MailAddress(address));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(Text, Encoding.UTF8, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(Html, Encoding.UTF8, MediaTypeNames.Text.Html));
        foreach (var file in Attachments) message.Attachments.Add(new Attachment(file, ContentType(file)) { Name = Path.GetFileName(file) });
        return message;
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => MediaTypeNames.Text.Html,
        ".md" => "text/markdown",
        ".xml" => MediaTypeNames.Application.Xml,
        _ => MediaTypeNames.Application.Json,
    };
}
