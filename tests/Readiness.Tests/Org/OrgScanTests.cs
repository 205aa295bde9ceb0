using System.Text.Json;
using System.Text.Json.Nodes;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Org;

/// <summary>
/// An organisation scanned as a new user would: `accounts --format github-matrix`, one shard scan per account into a
/// shared folder, `merge`; the merged result equals a single-process `scan --aws --org`, and every way a shard can go
/// wrong (deleted, unreadable, duplicated, from another version or ruleset) makes the merge INCOMPLETE with exit 2.
/// </summary>
public sealed class OrgScanTests(OrgMoto org) : IClassFixture<OrgMoto>
{
    private static ScanResult Results(string folder) => ResultsJson.Read(File.ReadAllText(Path.Combine(folder, "results.json")));

    private static ExternalProcess.Outcome Merge(params string[] args) => OrgMoto.Readiness(["merge", .. args]);

    private string Output() => Path.Combine(org.Work.FullName, "merged-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void The_matrix_lists_every_active_account_with_its_role()
    {
        var include = JsonNode.Parse(org.Matrix)!["include"]!.AsArray();
        include.Select(e => e!["account"]!.GetValue<string>()).ShouldBe(org.MemberIds.Append(org.Management).Order(StringComparer.Ordinal));
        include.ShouldAllBe(e => e!["role"]!.GetValue<string>() == $"arn:aws:iam::{e!["account"]!.GetValue<string>()}:role/readiness-audit");
        include.Select(e => e!["name"]!.GetValue<string>()).ShouldContain("team-00");
        org.Matrix.Trim().ShouldNotContain("\n", customMessage: "one line, for $GITHUB_OUTPUT");
    }

    [Fact]
    public void Every_shard_scanned_its_account_and_the_org_scan_scanned_them_all()
    {
        foreach (var run in org.ShardRuns) run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        org.OrgScan.ExitCode.ShouldBe(1, org.OrgScan.Stdout + org.OrgScan.Stderr);
        var scanned = Results(org.OrgScanFolder);
        scanned.Coverage.Gaps.ShouldBeEmpty();
        scanned.Accounts!.Select(a => (a.Id, a.Status)).ShouldBe(org.MemberIds.Append(org.Management).Order(StringComparer.Ordinal).Select(id => (id, AccountStatus.Scanned)));
        scanned.Accounts!.Single(a => a.Name == "team-00").Role.ShouldEndWith(":role/readiness-audit");
    }

    [Fact]
    public void Shards_merged_equal_the_single_process_org_scan()
    {
        var output = org.MergedFolder;
        var merged = org.Merged;
        merged.ExitCode.ShouldBe(1, merged.Stdout + merged.Stderr);
        merged.Stdout.ShouldContain($"Merged {OrgMoto.Members + 1} shards covering {OrgMoto.Members + 1} accounts");

        var single = Results(org.OrgScanFolder);
        var result = Results(output);
        static IEnumerable<string> Findings(ScanResult r) =>
            r.Findings.Select(f => $"{f.Finding.Fingerprint} {f.Finding.RuleId} {f.Blocking} {f.Finding.Location.Display()} {f.Finding.Message}").Order(StringComparer.Ordinal);
        Findings(result).ShouldBe(Findings(single));
        (result.Verdict.Status, result.Verdict.Blocking).ShouldBe((single.Verdict.Status, single.Verdict.Blocking));
        result.Verdict.Reasons.ShouldBe(single.Verdict.Reasons);
        result.Coverage.Gaps.ShouldBe(single.Coverage.Gaps);
        result.Accounts!.Select(a => a with { Shard = null }).ShouldBe(single.Accounts!);
        result.Accounts!.ShouldAllBe(a => a.Shard!.EndsWith($"{a.Id}/results.json"));
        result.Coverage.Counts["aws.resources"].ShouldBe(single.Coverage.Counts["aws.resources"]);

        // The code every shard scanned is one finding, not one per shard; the same secret name in each account is one per account.
        result.Findings.Count(f => f.Finding.RuleId == "RDY1101").ShouldBe(1);
        var secrets = result.Findings.Where(f => f.Finding.Location.Resource?.Id == "app/database-password" && f.Finding.RuleId == "RDY2401").ToList();
        secrets.Select(f => f.Finding.Location.Resource!.Account).Order().ShouldBe(org.MemberIds.Where(id => id != org.Clean).Order());
        secrets.Select(f => f.Finding.Fingerprint).Distinct().Count().ShouldBe(secrets.Count, "fingerprints include the account");
        result.Findings.Where(f => f.Finding.Location.Resource?.Account == org.Clean).Select(f => f.Finding.RuleId).ShouldNotContain("RDY2101", "the clean account has no open security group");
        // Account-wide findings have no ARN: their identity is the account's synthetic path, so they differ per account too.
        var trails = result.Findings.Where(f => f.Finding.RuleId == "RDY2703").ToList();
        trails.Select(f => f.Finding.Fingerprint).Distinct().Count().ShouldBe(OrgMoto.Members + 1);

        foreach (var file in new[] { "results.json", "results.sarif", "report.html", "summary.md", "junit.xml" }) File.Exists(Path.Combine(output, file)).ShouldBeTrue(file);
    }

    [Fact]
    public void Merged_reports_have_a_row_per_account_and_the_html_filters_by_account()
    {
        var result = Results(org.MergedFolder);
        var summary = File.ReadAllText(Path.Combine(org.MergedFolder, "summary.md"));
        summary.ShouldContain("### Accounts\n\n| Account | Status | Resources | Findings | Blocking | Gaps |");
        foreach (var account in result.Accounts!)
        {
            var open = result.Findings.Count(f => f.Finding.Location.Resource?.Account == account.Id);
            var blocking = result.Findings.Count(f => f.Finding.Location.Resource?.Account == account.Id && f.Blocking);
            summary.ShouldContain($"| {account.Display()} | scanned | {account.Resources} | {open} | {blocking} | 0 |");
        }

        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(org.MergedFolder, "junit.xml"));
        var suite = junit.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "readiness.accounts");
        suite.Elements("testcase").Count().ShouldBe(OrgMoto.Members + 1);
        suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).Contains(org.Clean)).Element("failure")!.Attribute("message")!.Value
            .ShouldContain($"in account {org.Clean} (team-01) block the launch.");

        using var browser = new Browser();
        browser.Open(Path.Combine(org.MergedFolder, "report.html"));
        browser.Script("return document.querySelectorAll('#accounts tr.account').length;").ShouldBe((long)(OrgMoto.Members + 1));
        var all = result.Findings.Count(f => f.Suppression is null);
        MatchCount(browser).ShouldStartWith($"{all} findings");
        var team = org.MemberIds.First();
        browser.Script("var s = document.getElementById('filter-account'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", team);
        MatchCount(browser).ShouldStartWith($"{result.Findings.Count(f => f.Finding.Location.Resource?.Account == team)} of {all} findings match");
        browser.Script("var s = document.getElementById('filter-account'); s.value = ''; s.dispatchEvent(new Event('change'));");
        MatchCount(browser).ShouldStartWith($"1 of {all} findings match", customMessage: "the one code finding has no account");
        browser.BrowserLog().Where(l => l.StartsWith("Severe", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    private static string MatchCount(Browser browser) => (string)browser.Script("return document.getElementById('match-count').textContent;")!;

    [Fact]
    public void A_deleted_shard_makes_the_merge_incomplete_unless_allowed()
    {
        var run = org.CopyOfRun();
        var gone = org.MemberIds.First();
        Directory.Delete(Path.Combine(run, gone), recursive: true);

        var merged = Merge(run, "--accounts", Path.Combine(run, "accounts.json"), "--output-dir", Output());
        merged.ExitCode.ShouldBe(2, merged.Stdout + merged.Stderr);
        merged.Stdout.ShouldContain($"aws/{gone}/shard: No shard results for account {gone} (team-00)");
        merged.Stdout.ShouldContain("INCOMPLETE");

        var output = Output();
        var allowed = Merge(run, "--accounts", Path.Combine(run, "accounts.json"), "--output-dir", output, "--allow-incomplete");
        allowed.ExitCode.ShouldBe(1, allowed.Stdout);
        var result = Results(output);
        result.Accounts!.Single(a => a.Id == gone).Status.ShouldBe(AccountStatus.Missing);
        result.Coverage.Gaps.ShouldContain(g => g.Scope == $"aws/{gone}/shard");
        File.ReadAllText(Path.Combine(output, "summary.md")).ShouldContain($"| {gone} (team-00) | no shard | 0 | 0 | 0 | 1 |");
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(output, "junit.xml"));
        junit.Descendants("testcase").Single(c => (string?)c.Attribute("name") == $"aws account {gone} (team-00)").Element("error")!.Attribute("type")!.Value.ShouldBe("account-no-shard");
    }

    [Fact]
    public void Drift_and_the_email_over_merged_nights_have_a_row_per_account()
    {
        // Last night one account had not joined the run; tonight it has: its findings are new, the others' unchanged.
        var lastNight = org.CopyOfRun();
        var joined = org.MemberIds.First();
        Directory.Delete(Path.Combine(lastNight, joined), recursive: true);
        File.Delete(Path.Combine(lastNight, "accounts.json"));
        var before = Output();
        Merge(lastNight, "--output-dir", before, "--format", "json").ExitCode.ShouldBe(1);

        var drift = Output();
        var run = OrgMoto.Readiness("drift", "--from", before, "--to", org.MergedFolder, "--output-dir", drift);
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        var added = Results(org.MergedFolder).Findings.Count(f => f.Finding.Location.Resource?.Account == joined);
        run.Stdout.ShouldStartWith($"Readiness drift: {added} new, 0 fixed");

        var markdown = File.ReadAllText(Path.Combine(drift, "drift.md"));
        markdown.ShouldContain($"## Accounts ({OrgMoto.Members + 1})");
        markdown.ShouldContain($"| {joined} (team-00) | {added} | 0 | scanned |");
        markdown.ShouldContain($"| {org.Clean} (team-01) | 0 | 0 | scanned |");
        File.ReadAllText(Path.Combine(drift, "drift.html")).ShouldContain($"<tr><td><code>{joined} (team-00)</code></td><td>{added}</td><td>0</td><td>scanned</td></tr>");

        var email = Readiness.Runner.Notify.EmailReport.From(drift);
        email.Subject.ShouldStartWith($"Readiness drift: {added} new, 0 fixed");
        email.Text.ShouldContain($"| {joined} (team-00) | {added} | 0 | scanned |");
        email.Html.ShouldContain("<h2 id=\"accounts\">Accounts</h2>");
    }

    [Fact]
    public void Without_the_account_list_a_folder_left_empty_is_a_failed_shard()
    {
        var run = org.CopyOfRun();
        var failed = org.MemberIds.Last();
        File.Delete(Path.Combine(run, failed, "results.json"));
        var output = Output();
        var merged = Merge(run, "--output-dir", output);
        merged.ExitCode.ShouldBe(2, merged.Stdout);
        merged.Stdout.ShouldContain($"aws/{failed}/shard: The shard's results could not be read: the folder has no results.json");
        Results(output).Accounts!.Single(a => a.Id == failed).Status.ShouldBe(AccountStatus.Failed);
    }

    [Fact]
    public void An_unreadable_shard_is_named_with_its_file()
    {
        var run = org.CopyOfRun();
        var broken = Path.Combine(run, org.Management, "results.json");
        File.WriteAllText(broken, "{\"schemaVersion\": 1, \"findings\": [");
        var merged = Merge(run, "--accounts", Path.Combine(run, "accounts.json"), "--output-dir", Output());
        merged.ExitCode.ShouldBe(2, merged.Stdout);
        merged.Stdout.ShouldContain($"aws/{org.Management}/shard: The shard's results could not be read: not a readiness results file");
    }

    [Fact]
    public void Two_shards_for_one_account_are_a_gap_naming_both()
    {
        var run = org.CopyOfRun();
        var account = org.MemberIds.First();
        Directory.CreateDirectory(Path.Combine(run, "retry"));
        File.Copy(Path.Combine(run, account, "results.json"), Path.Combine(run, "retry", "results.json"));
        var output = Output();
        var merged = Merge(run, "--accounts", Path.Combine(run, "accounts.json"), "--output-dir", output);
        merged.ExitCode.ShouldBe(2, merged.Stdout);
        merged.Stdout.ShouldContain($"aws/{account}/shard: Two shards cover account {account}");
        merged.Stdout.ShouldContain(Path.Combine("retry", "results.json"));
        var result = Results(output);
        result.Accounts!.Single(a => a.Id == account).Status.ShouldBe(AccountStatus.Duplicate);
        result.Findings.Count(f => f.Finding.Location.Resource?.Account == account && f.Finding.RuleId == "RDY2401").ShouldBe(1, "one copy merged");
    }

    [Fact]
    public void A_failed_shard_folder_does_not_hide_the_retry_of_its_account()
    {
        // The first attempt left an empty folder; a retry wrote the account's results elsewhere in the run.
        var run = org.CopyOfRun();
        var account = org.MemberIds.First();
        Directory.Move(Path.Combine(run, account), Path.Combine(run, "retry"));
        Directory.CreateDirectory(Path.Combine(run, account));
        var output = Output();
        var merged = Merge(run, "--accounts", Path.Combine(run, "accounts.json"), "--output-dir", output);
        merged.ExitCode.ShouldBe(2, merged.Stdout);
        merged.Stdout.ShouldContain($"aws/{account}/shard: The shard's results could not be read: the folder has no results.json");
        merged.Stdout.ShouldNotContain("Two shards cover");
        var result = Results(output);
        result.Accounts!.Single(a => a.Id == account).Status.ShouldBe(AccountStatus.Scanned);
        result.Accounts!.Single(a => a.Id == account).Shard!.ShouldEndWith(Path.Combine("retry", "results.json"));
        result.Findings.Count(f => f.Finding.Location.Resource?.Account == account && f.Finding.RuleId == "RDY2401").ShouldBe(1, "the retry's findings are merged");
    }

    [Theory]
    [InlineData("version")]
    [InlineData("ruleset")]
    public void A_shard_from_another_version_or_ruleset_is_named(string change)
    {
        var run = org.CopyOfRun();
        var account = org.MemberIds.Last();
        var file = Path.Combine(run, account, "results.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        if (change == "version") json["tool"]!["version"] = "0.0.1";
        else json["rules"]!.AsArray().RemoveAt(0);
        File.WriteAllText(file, json.ToJsonString());

        var output = Output();
        var merged = Merge(run, "--accounts", Path.Combine(run, "accounts.json"), "--output-dir", output);
        merged.ExitCode.ShouldBe(2, merged.Stdout);
        merged.Stdout.ShouldContain($"{account}/results.json: The shard was made by readiness {(change == "version" ? "0.0.1" : "")}");
        merged.Stdout.ShouldContain("Re-run it with the same Readiness version and ruleset.");
        Results(output).Accounts!.Single(a => a.Id == account).Status.ShouldBe(AccountStatus.Mismatched);
    }

    [Fact]
    public void Bad_merge_input_fails_with_exit_2_naming_it()
    {
        var missing = Merge(Path.Combine(org.Work.FullName, "no-such-run"), "--output-dir", Output());
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("no-such-run' does not exist");

        var list = Path.Combine(org.Work.FullName, "not-accounts.json");
        File.WriteAllText(list, "{\"accounts\": [{\"id\": \"12\"}]}");
        var bad = Merge(org.RunFolder, "--accounts", list, "--output-dir", Output());
        bad.ExitCode.ShouldBe(2);
        bad.Stderr.ShouldContain("not-accounts.json: account entry 1 has no 12-digit 'id'");
    }
}
