using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Faults;

/// <summary>A recorded inventory that does not say what was read fails closed, like the live collection would have.</summary>
public sealed class InventoryFaultTests
{
    [Fact]
    public void An_inventory_without_a_regions_account_settings_is_a_gap_and_exit_2()
    {
        var inventory = TestPaths.Fixture("Faults/inventory-without-regional-settings.json");
        var empty = Directory.CreateTempSubdirectory("readiness-faults-");
        try
        {
            var outcome = CliRunner.Run("scan", empty.FullName, "--aws-inventory", inventory);
            outcome.ExitCode.ShouldBe(2, outcome.Stdout + outcome.Stderr);
            outcome.Stdout.ShouldContain("aws/123456789012/us-east-1");
            outcome.Stdout.ShouldContain("has no AccountSettings entry for 123456789012/us-east-1");
            outcome.Stdout.ShouldNotContain("aws/123456789012/global:", Case.Sensitive, "the global part is recorded");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_complete_inventory_has_no_unrecorded_part_and_an_empty_one_has_one()
    {
        var complete = AwsInventoryFile.Load(Path.Combine(TestPaths.Samples, "coco-testai-hardened/aws/inventory.json"));
        AwsEvidenceSource.Unrecorded("inventory.json", complete).ShouldBeEmpty();

        var nothing = AwsInventoryFile.Deserialize("""{"format":"readiness.aws-inventory","version":1}""", "empty.json");
        var gap = AwsEvidenceSource.Unrecorded("empty.json", nothing).ShouldHaveSingleItem();
        (gap.Scope, gap.Reason).ShouldBe(("empty.json", "The AWS inventory records no account, so nothing in it can be judged."));
    }
}
