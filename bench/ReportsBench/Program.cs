using System.Diagnostics;
using System.IO.Compression;
using OpenQA.Selenium;
using Readiness.Rules.Engine;
using Readiness.Runner.Reporting;
using Readiness.Tests.Support;

// Report size and render time with many findings: the HTML file (server render, size, browser load, filter),
// SARIF trimming to GitHub's limits, and the Markdown summary. Figures go to stdout and docs/reports.md by hand.
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var output = Path.Combine(TestPaths.Repo, "bench", "results");
Directory.CreateDirectory(output);
var result = SyntheticResults.Create(bulkFindings: count);
var context = new ReportContext(RuleCatalog.Default) { Warnings = Console.Error };
Console.WriteLine($"findings: {result.Findings.Count:N0}, machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

foreach (var reporter in new IReporter[] { new JsonReporter(), new HtmlReporter(), new SarifReporter(), new MarkdownReporter(), new JUnitReporter() })
{
    var path = Path.Combine(output, reporter.FileName);
    reporter.Write(result, context, Stream.Null);   // warm-up (template compile, JIT)
    var watch = Stopwatch.StartNew();
    using (var file = File.Create(path)) reporter.Write(result, context, file);
    watch.Stop();
    var bytes = File.ReadAllBytes(path);
    Console.WriteLine($"{reporter.FileName,-14} write {watch.ElapsedMilliseconds,6} ms  size {bytes.Length / 1024.0 / 1024.0,7:0.00} MB  gzipped {Gzipped(bytes) / 1024.0 / 1024.0,6:0.00} MB");
}

using var browser = new Browser(1280, 1000);
for (var run = 1; run <= 3; run++)
{
    var watch = Stopwatch.StartNew();
    browser.Open(Path.Combine(output, "report.html"));
    watch.Stop();
    var scriptMs = browser.Script("return document.body.getAttribute('data-render-ms');");
    var filterMs = browser.Script("var t = performance.now(); document.querySelector('[data-severity=critical]').click(); return performance.now() - t;");
    // The text filter waits 120 ms after the last key; the figure is the time after that until the list changed.
    var textMs = browser.Driver.ExecuteAsyncScript("""
        var done = arguments[arguments.length - 1];
        var input = document.getElementById('filter-text');
        var count = document.getElementById('match-count');
        var before = count.textContent;
        input.value = 'file99';
        var t = performance.now();
        input.dispatchEvent(new Event('input'));
        (function poll() { if (count.textContent !== before) done(performance.now() - t - 120); else setTimeout(poll, 1); })();
        """);
    var rows = browser.Driver.FindElements(By.CssSelector("#groups tr.finding")).Count;
    Console.WriteLine($"browser run {run}: open until rendered {watch.ElapsedMilliseconds} ms (page script {scriptMs} ms), severity filter {filterMs:0} ms, text filter ~{textMs:0} ms, rows in DOM {rows}");
}

static long Gzipped(byte[] bytes)
{
    using var buffer = new MemoryStream();
    using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
    return buffer.Length;
}
