using System.Globalization;
using System.Text;
using System.Xml;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Reporting;

/// <summary>
/// junit.xml for CI systems that show tests: one test case per rule and evaluated target (the scanned folder for code
/// and IaC rules, each AWS account and region, each HTTP origin). A test case fails when it holds a finding that blocks
/// the launch; findings below --fail-on are listed in its output without failing it, so the tests agree with the verdict.
/// Rules of an evidence kind that was not scanned are skipped, and every coverage gap is an error of its own.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    public string Format => "junit";
    public string FileName => "junit.xml";

    private sealed record Case(string Name, string ClassName, List<ResultFinding> Findings, string? SkipReason);

    public void Write(ScanResult result, ReportContext context, Stream output)
    {
        var suites = new List<(string Name, List<Case> Cases, List<CoverageGap> Gaps)>();
        foreach (var source in ReportFacts.Sources)
        {
            var cases = CasesFor(result, source);
            if (cases.Count > 0) suites.Add(($"readiness.{source.ToName()}", cases, []));
        }
        if (result.Coverage.Gaps.Count > 0 || result.EngineErrors.Count > 0) suites.Add(("readiness.coverage", [], result.Coverage.Gaps.ToList()));
        var accounts = ReportFacts.Accounts(result) ?? [];

        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" });
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "readiness");
        xml.WriteAttributeString("tests", Num(suites.Sum(s => s.Cases.Count + s.Gaps.Count) + result.EngineErrors.Count + accounts.Count));
        xml.WriteAttributeString("failures", Num(suites.Sum(s => s.Cases.Count(c => Blocking(result, c).Any())) + accounts.Count(a => a.Blocking > 0 && !NotLooked(a))));
        xml.WriteAttributeString("errors", Num(result.Coverage.Gaps.Count + result.EngineErrors.Count + accounts.Count(NotLooked)));
        xml.WriteAttributeString("time", Seconds(result));
        xml.WriteAttributeString("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        foreach (var (name, cases, gaps) in suites)
        {
            var errors = gaps.Count + (name == "readiness.coverage" ? result.EngineErrors.Count : 0);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("tests", Num(cases.Count + errors));
            xml.WriteAttributeString("failures", Num(cases.Count(c => Blocking(result, c).Any())));
            xml.WriteAttributeString("errors", Num(errors));
            xml.WriteAttributeString("skipped", Num(cases.Count(c => c.SkipReason is not null)));
            xml.WriteAttributeString("time", "0");
            foreach (var c in cases) WriteCase(xml, result, c);
            foreach (var gap in gaps)
            {
                StartCase(xml, "could not look at " + gap.Scope, "readiness.coverage." + gap.Source.ToName());
                xml.WriteStartElement("error");
                xml.WriteAttributeString("type", "coverage-gap");
                xml.WriteAttributeString("message", Clean(gap.Display()));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            if (name == "readiness.coverage")
            {
                foreach (var error in result.EngineErrors)
                {
                    StartCase(xml, $"rule {error.RuleId} ran on {error.Target}", "readiness.engine");
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("type", "engine-error");
                    xml.WriteAttributeString("message", Clean(error.Message));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
        }
        if (accounts.Count > 0) WriteAccounts(xml, accounts);
        xml.WriteEndElement();
        xml.Flush();
        output.WriteByte((byte)'\n');
    }

    private static bool NotLooked(ReportFacts.AccountRow a) => a.Account.Status != AccountStatus.Scanned;

    /// <summary>A test case per account of an organisation: an error when it was not looked at, a failure when findings in it block.</summary>
    private static void WriteAccounts(XmlWriter xml, List<ReportFacts.AccountRow> accounts)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "readiness.accounts");
        xml.WriteAttributeString("tests", Num(accounts.Count));
        xml.WriteAttributeString("failures", Num(accounts.Count(a => a.Blocking > 0 && !NotLooked(a))));
        xml.WriteAttributeString("errors", Num(accounts.Count(NotLooked)));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", "0");
        foreach (var a in accounts.OrderBy(a => a.Account.Id, StringComparer.Ordinal))
        {
            StartCase(xml, $"aws account {a.Account.Display()}", "readiness.accounts");
            if (NotLooked(a))
            {
                xml.WriteStartElement("error");
                xml.WriteAttributeString("type", "account-" + a.StatusText.Replace(' ', '-'));
                xml.WriteAttributeString("message", Clean($"Account {a.Account.Display()}: {a.StatusText}; see the coverage gaps for why."));
                xml.WriteEndElement();
            }
            else if (a.Blocking > 0)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", "blocking");
                xml.WriteAttributeString("message", Clean($"{a.Blocking} of {a.Findings} findings in account {a.Account.Display()} block the launch."));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static List<Case> CasesFor(ScanResult result, EvidenceSource source)
    {
        var tag = source.ToName();
        var scanned = source == EvidenceSource.Code
            || result.Coverage.Counts.Keys.Any(k => k.StartsWith(tag + ".", StringComparison.Ordinal))
            || result.Findings.Any(f => f.Finding.Source == source);
        var cases = new List<Case>();
        foreach (var rule in result.Rules.Where(r => r.Tags.Contains(tag)))
        {
            var findings = result.Findings.Where(f => f.Finding.RuleId == rule.Id && f.Finding.Source == source).ToList();
            var className = $"readiness.{tag}.{rule.Id}";
            var title = $"{rule.Id} {rule.Title}";
            if (!scanned)
            {
                cases.Add(new Case($"{title} on {ReportFacts.SourceLabel(source)}", className, [], $"not evaluated: this scan had no {ReportFacts.SourceLabel(source)} evidence"));
                continue;
            }
            // Evaluated targets: the scanned folder for files; for cloud and HTTP every target that reported, or the kind as a whole.
            var byTarget = findings.GroupBy(f => Target(result, f)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var whole = source is EvidenceSource.Code or EvidenceSource.Iac ? result.Target : $"all {ReportFacts.SourceLabel(source)} targets";
            if (byTarget.Count == 0) byTarget[whole] = [];
            foreach (var (target, list) in byTarget.OrderBy(t => t.Key, StringComparer.Ordinal))
                cases.Add(new Case($"{title} on {target}", className, list, null));
        }
        return cases;
    }

    private static string Target(ScanResult result, ResultFinding f)
    {
        var location = f.Finding.Location;
        if (f.Finding.Source == EvidenceSource.Http && location.Endpoint is { } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return uri.GetLeftPart(UriPartial.Authority);
        if (f.Finding.Source == EvidenceSource.Aws && location.Resource is { } r) return $"aws account {r.Account ?? "unknown"} {r.Region ?? "global"}";
        return result.Target;
    }

    private static IEnumerable<ResultFinding> Blocking(ScanResult result, Case c) => c.Findings.Where(f => f.Blocking);

    private static void WriteCase(XmlWriter xml, ScanResult result, Case c)
    {
        StartCase(xml, c.Name, c.ClassName);
        if (c.SkipReason is not null)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", c.SkipReason);
            xml.WriteEndElement();
        }
        var blocking = Blocking(result, c).ToList();
        if (blocking.Count > 0)
        {
            var top = blocking.Max(f => f.Finding.Severity);
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", top.ToName());
            xml.WriteAttributeString("message", Clean(blocking.Count == 1 ? blocking[0].Finding.Message : $"{blocking.Count} findings block the launch; the first: {blocking[0].Finding.Message}"));
            xml.WriteString(Lines(blocking));
            xml.WriteEndElement();
        }
        var rest = c.Findings.Except(blocking).ToList();
        if (rest.Count > 0)
        {
            xml.WriteStartElement("system-out");
            xml.WriteString("Not blocking (below --fail-on, suppressed or undecided):\n" + Lines(rest));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void StartCase(XmlWriter xml, string name, string className)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("time", "0");
    }

    private static string Lines(IEnumerable<ResultFinding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            sb.Append('[').Append(f.Finding.Severity.ToName()).Append("] ").Append(f.Finding.Location.Display()).Append(": ").Append(f.Finding.Message);
            if (f.Suppression is { } s) sb.Append(" (suppressed: ").Append(s.Reason).Append(')');
            if (f.Finding.Undecided) sb.Append(" (undecided)");
            sb.Append('\n');
            if (!string.IsNullOrWhiteSpace(f.Finding.Snippet)) sb.Append("    | ").Append(f.Finding.Snippet.ReplaceLineEndings(" ")).Append('\n');
        }
        return Clean(sb.ToString());
    }

    /// <summary>XML 1.0 cannot carry most control characters even escaped; scanned text may contain them.</summary>
    private static string Clean(string text) =>
        string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = t[i] is '\n' or '\t' or '\r' || (t[i] >= ' ' && !char.IsSurrogate(t[i]) && t[i] is not '\uFFFE' and not '\uFFFF') || (char.IsSurrogate(t[i]) && IsPairedSurrogate(t, i)) ? t[i] : '\uFFFD';
        });

    private static bool IsPairedSurrogate(string t, int i) =>
        char.IsHighSurrogate(t[i]) ? i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]) : i > 0 && char.IsHighSurrogate(t[i - 1]);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(ScanResult result) => Math.Max((result.FinishedAt - result.StartedAt).TotalSeconds, 0).ToString("0.###", CultureInfo.InvariantCulture);
}
