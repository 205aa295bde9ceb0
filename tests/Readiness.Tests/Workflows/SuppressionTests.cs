using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Runner.Suppressions;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

public sealed class SuppressionTests
{
    private static readonly string App = TestPaths.Fixture("Workflows/accepted_app");
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static ScanResult Scan(string path, DateOnly day, string? ruleset = null, string? suppressions = null)
    {
        var options = new ScanOptions { Path = path, Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero), Suppressions = suppressions };
        var loaded = new RulesetLoader(RuleCatalog.Default).Load(ruleset, path);
        return new ScanPipeline(options, loaded).RunAsync().GetAwaiter().GetResult();
    }

    private static ResultFinding Only(ScanResult result, string ruleId) => result.Findings.Single(f => f.Finding.RuleId == ruleId);

    [Fact]
    public void A_suppression_file_silences_exactly_its_finding_and_keeps_who_and_why()
    {
        var result = Scan(App, Today);

        var debug = Only(result, "RDY1101");
        debug.Suppression.ShouldNotBeNull();
        debug.Suppression.Kind.ShouldBe("file");
        debug.Suppression.Reason.ShouldBe("The entrypoint exports DEBUG=False; settings split tracked in SEC-142");
        debug.Suppression.Owner.ShouldBe("platform-team");
        debug.Suppression.Expires.ShouldBe(new DateOnly(2027, 1, 10));
        debug.Suppression.Ticket.ShouldBe("SEC-142");
        debug.Suppression.Source.ShouldBe(".readiness/suppressions/RDY1101.yaml:3");

        Only(result, "RDY1103").Suppression.ShouldBeNull();
        result.Active.Select(f => f.Finding.RuleId).ShouldBe(["RDY1103"]);
        result.Verdict.Blocking.ShouldBe(1);
    }

    [Fact]
    public void An_expired_suppression_stops_suppressing_and_names_its_owner()
    {
        var result = Scan(App, new DateOnly(2027, 1, 10));

        var debug = Only(result, "RDY1101");
        debug.Suppression.ShouldBeNull();
        debug.ExpiredSuppression.ShouldNotBeNull();
        debug.ExpiredSuppression.Owner.ShouldBe("platform-team");
        debug.ExpiredSuppression.Expires.ShouldBe(new DateOnly(2027, 1, 10));
        result.Active.Select(f => f.Finding.RuleId).Order().ShouldBe(["RDY1101", "RDY1103"]);
        result.Verdict.Status.ShouldBe(VerdictStatus.NotReady);
        result.Verdict.Blocking.ShouldBe(2);
    }

    [Fact]
    public void An_inline_comment_on_the_line_above_suppresses_its_rule()
    {
        var hosts = Only(Scan(App, Today), "RDY1102");
        hosts.Suppression.ShouldNotBeNull();
        hosts.Suppression.Kind.ShouldBe("inline");
        hosts.Suppression.Reason.ShouldBe("the load balancer only forwards our two host names");
        hosts.Suppression.Source.ShouldBe("config/settings.py:8");
    }

    [Fact]
    public void A_policy_that_forbids_inline_suppressions_ignores_them_and_says_so()
    {
        var result = Scan(App, Today, TestPaths.Fixture("Workflows/forbid-inline.yaml"));

        Only(result, "RDY1102").Suppression.ShouldBeNull();
        Only(result, "RDY1101").Suppression.ShouldNotBeNull();
        var warning = result.Warnings.Single(w => w.Kind == "inline-suppression-forbidden");
        warning.Source.ShouldBe("config/settings.py:8");
        warning.Message.ShouldContain("forbids inline suppressions");
        warning.Message.ShouldContain(".readiness/suppressions/RDY1102.yaml");
    }

    [Fact]
    public void An_entry_that_matches_nothing_is_a_warning_with_its_line()
    {
        var warning = Scan(App, Today).Warnings.Single(w => w.Kind == "unused-suppression");
        warning.Source.ShouldBe(".readiness/suppressions/RDY1101.yaml:9");
        warning.Message.ShouldContain("'legacy/**/settings.py'");
    }

    [Theory]
    [InlineData("no-reason", "RDY1101.yaml:2: the suppression has no 'reason'")]
    [InlineData("no-expires", "RDY1101.yaml:2: the suppression has no 'expires'")]
    [InlineData("unknown-field", "RDY1101.yaml:5: unknown field 'approved_by'")]
    [InlineData("bad-date", "RDY1101.yaml:4: expires '10/01/2027' is not a date in the form YYYY-MM-DD")]
    [InlineData("too-far", "RDY1101.yaml:4: expires 2031-01-10 is more than 180 days ahead (latest allowed: 2027-05-30)")]
    [InlineData("unknown-rule", "RDY1999.yaml: the file is named after an unknown rule 'RDY1999'")]
    [InlineData("not-a-list", "RDY1101.yaml:2: 'suppressions' must be a list")]
    public void A_broken_suppression_file_is_refused_with_file_and_line(string fixture, string expected)
    {
        var folder = TestPaths.Fixture("Workflows/BadSuppressions/" + fixture);
        var error = Should.Throw<ConfigurationError>(() => new SuppressionFiles(RuleCatalog.Default, SuppressionPolicy.Default, Today).Load(folder, App));
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void The_policy_caps_how_far_ahead_a_suppression_may_expire()
    {
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(TestPaths.Fixture("Workflows/forbid-inline.yaml"), App);
        var policy = SuppressionPolicy.From(ruleset);
        policy.MaxSuppressionDays.ShouldBe(90);
        policy.InlineAllowed.ShouldBeFalse();
        // 2027-01-10 is 40 days after Today: allowed under 90 days, refused under 30.
        new SuppressionFiles(RuleCatalog.Default, policy, Today).Load(null, App).Count.ShouldBe(2);
        var error = Should.Throw<ConfigurationError>(() => new SuppressionFiles(RuleCatalog.Default, policy with { MaxSuppressionDays = 30 }, Today).Load(null, App));
        error.Message.ShouldContain("RDY1101.yaml:6: expires 2027-01-10 is more than 30 days ahead");
    }

    [Fact]
    public void A_bad_policy_value_is_an_error_with_its_line()
    {
        var dir = Directory.CreateTempSubdirectory("readiness-policy-");
        try
        {
            var file = Path.Combine(dir.FullName, "ruleset.yaml");
            File.WriteAllText(file, "name: x\nextends: launch-readiness\npolicy:\n  inline_suppressions: sometimes\n");
            var ruleset = new RulesetLoader(RuleCatalog.Default).Load(file, dir.FullName);
            Should.Throw<ConfigurationError>(() => SuppressionPolicy.From(ruleset)).Message.ShouldContain("ruleset.yaml:4: policy inline_suppressions must be 'allow' or 'forbid'");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("config/settings.py", "config/settings.py", true)]
    [InlineData("./config/*.py", "config/settings.py", true)]
    [InlineData("*.py", "config/settings.py", false)]
    [InlineData("**/settings.py", "config/settings.py", true)]
    [InlineData("**/settings.py", "settings.py", true)]
    [InlineData("apps/**", "apps/api/.env.production", true)]
    [InlineData("apps/*/.env.*", "apps/api/.env.production", true)]
    [InlineData("apps/?pi/.env", "apps/api/.env", true)]
    [InlineData("config/settings.py", "config/settings_py", false)]
    public void Path_globs_stay_within_folders_unless_double_starred(string pattern, string path, bool matches) =>
        Glob.ForPath(pattern).IsMatch(path).ShouldBe(matches);

    [Theory]
    [InlineData("arn:aws:rds:*:123456789012:db:prod-*", "arn:aws:rds:eu-west-1:123456789012:db:prod-main", true)]
    [InlineData("arn:aws:rds:*:123456789012:db:prod-*", "arn:aws:rds:eu-west-1:999999999999:db:prod-main", false)]
    [InlineData("sg-0abc*", "sg-0abc123", true)]
    public void Resource_globs_match_anything_for_a_star(string pattern, string text, bool matches) =>
        Glob.ForText(pattern).IsMatch(text).ShouldBe(matches);
}
