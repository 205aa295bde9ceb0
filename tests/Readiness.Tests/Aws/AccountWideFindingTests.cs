using Readiness.Rules.Model;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>Messages that read right: an account-wide finding once per account; a rotation age only past its threshold.</summary>
public sealed class AccountWideFindingTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Finding> Judge() =>
        AwsTestSupport.Judge(AwsInventoryFile.Load(TestPaths.Fixture("Aws/account-wide/inventory.json")).Resources, Now);

    [Fact]
    public void No_multi_region_trail_is_one_finding_per_account_listing_the_regions()
    {
        var trail = Judge().Where(f => f.RuleId == "RDY2703").ToList().ShouldHaveSingleItem();
        trail.Message.ShouldBe("Account 444444444444 has no logging multi-region CloudTrail trail (trails read in eu-west-1, eu-west-2, us-east-1); create one so API activity in every region is recorded.");
        trail.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void A_new_secret_is_an_info_reminder_and_an_old_one_is_past_the_threshold()
    {
        var rotation = Judge().Where(f => f.RuleId == "RDY2490").ToDictionary(f => f.Location.Resource!.Id);
        rotation["app/new-token"].Severity.ShouldBe(Severity.Info);
        rotation["app/new-token"].Message.ShouldBe("Secret app/new-token was created 1 day ago and has not been rotated yet; turn on rotation before it is 90 days old.");
        rotation["app/old-token"].Severity.ShouldBe(Severity.High);
        rotation["app/old-token"].Message.ShouldContain("has never been rotated since it was created 365 days ago (limit 90 days)");
    }
}
