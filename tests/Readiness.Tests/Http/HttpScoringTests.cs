using Readiness.Rules.Catalog.Http;
using Readiness.Rules.Engine;

namespace Readiness.Tests.Http;

/// <summary>The grade and the rules share one set of thresholds, and the preload snapshot answers from data.</summary>
public sealed class HttpScoringTests
{
    [Fact]
    public void Hsts_rule_default_is_the_grades_six_months()
    {
        var rule = RuleCatalog.Default.Rules.Single(r => r.Metadata.Id == "RDY3002");
        Convert.ToInt64(rule.Metadata.Parameters["min_max_age"].Default, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(HttpScoring.HstsSixMonths);
        HttpScoring.HstsSixMonths.ShouldBe(180 * 86400);
    }

    [Theory]
    [InlineData("mail.google.com", true)]
    [InlineData("deep.sub.mail.google.com", true)] // a parent preloaded with include_subdomains
    [InlineData("paypal.com", true)]
    [InlineData("coco-testai.example", false)]
    [InlineData("127.0.0.1", false)]
    public void Preload_snapshot_covers_listed_hosts_and_their_subdomains(string host, bool preloaded) =>
        HstsPreload.Covers(host).ShouldBe(preloaded);

    [Theory]
    [InlineData(100, "A+")]
    [InlineData(90, "A")]
    [InlineData(69, "B-")]
    [InlineData(24, "F")]
    public void Letters_follow_the_observatory_chart(int score, string letter) => HttpScoring.Letter(score).ShouldBe(letter);
}
