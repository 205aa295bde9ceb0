using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Tests.Support;

namespace Readiness.Tests.Secrets;

/// <summary>A secret scan that could not finish a file says so as a coverage gap: it never reads as a clean file.</summary>
public class SecretCoverageGapTests
{
    private static SourceFile Fixture(string name) =>
        new($"config/{name}", File.ReadAllText(TestPaths.Fixture(Path.Combine("Secrets", "coverage", name))));

    [Fact]
    public void A_file_with_more_secrets_than_reported_is_a_coverage_gap_naming_the_file()
    {
        var file = Fixture("many-tokens.env");
        var engine = new RuleEngine(RuleCatalog.Default.Rules.OfType<FileRule>().Where(r => r.Metadata.Tags.Contains("secrets")).Select(ActiveRule.WithDefaults));
        engine.CheckFile(file);
        var (findings, errors) = engine.Complete();

        errors.ShouldBeEmpty();
        findings.Count.ShouldBe(SecretScanner.MaxHitsPerFile);
        var gap = engine.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("config/many-tokens.env");
        gap.Source.ShouldBe(EvidenceSource.Code);
        gap.Reason.ShouldContain("more than 200 secrets");
    }

    [Fact]
    public void A_regex_that_exceeds_its_time_limit_is_counted_for_the_gap_and_the_rest_of_the_file_is_still_scanned()
    {
        var file = Fixture("backtracking.txt");
        // Catastrophic backtracking (the classic ^(\w+\s?)+$ on forty letters and a "!"): the match times out after Detector.MatchTimeout.
        var pathological = new Detector("pathological", "Pathological test detector", SecretKind.Provider, Severity.High, ["pathological"], "(?<secret>(?:\\w+\\s?)+$)");
        var scan = SecretScanner.Scan(file, [pathological]);

        scan.Timeouts.ShouldBeGreaterThan(0);
        scan.Hits.ShouldBeEmpty();
    }

    [Fact]
    public void A_clean_file_has_no_gap()
    {
        var file = new SourceFile("config/app.env", File.ReadAllText(TestPaths.Fixture(Path.Combine("Secrets", "coverage", "backtracking.txt"))));
        var engine = new RuleEngine(RuleCatalog.Default.Rules.OfType<FileRule>().Where(r => r.Metadata.Tags.Contains("secrets")).Select(ActiveRule.WithDefaults));
        engine.CheckFile(file);
        engine.Complete();
        engine.Gaps.ShouldBeEmpty();
    }
}
