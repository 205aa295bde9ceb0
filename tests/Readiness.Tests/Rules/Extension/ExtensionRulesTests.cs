using Readiness.Rules.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.Extension;

public class ExtensionRulesTests
{
    private static readonly string[] Rules = ["RDY1501", "RDY1502", "RDY1503", "RDY1504", "RDY1505", "RDY1506", "RDY1507"];

    [Theory]
    [InlineData("Stacks/Extension/coco_extension/manifest.json")]
    [InlineData("Stacks/Extension/coco_extension/background.js")]
    [InlineData("Stacks/Extension/coco_extension/popup.js")]
    [InlineData("Stacks/Extension/coco_extension_mv2/manifest.json")]
    public void Not_ready_fixture_matches_annotations(string fixture) => FixtureVerifier.Verify(fixture, Rules);

    [Theory]
    [InlineData("Stacks/Extension/coco_extension_hardened/manifest.json")]
    [InlineData("Stacks/Extension/coco_extension_hardened/background.js")]
    public void Hardened_fixture_reports_nothing(string fixture) => FixtureVerifier.Verify(fixture, Rules).ShouldBeEmpty();

    [Theory]
    [InlineData("{ \"manifest_version\": 3, \"name\": \"web app manifest\", \"icons\": [] }")]
    [InlineData("{ \"name\": \"pwa\", \"start_url\": \"/\", \"host_permissions\": [\"<all_urls>\"] }")]
    [InlineData("not json at all { \"manifest_version\": 3")]
    public void A_manifest_json_that_is_not_an_extension_is_not_judged(string text) =>
        FixtureVerifier.Verify(new SourceFile("web/public/manifest.json", text), Rules).ShouldBeEmpty();
}
