using System.Globalization;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Aws;

/// <summary>The live-only and drift rules over a recorded inventory, checked against the sidecar expected.yaml.</summary>
public sealed class LiveRuleFixtureTests
{
    [Fact]
    public void Recorded_inventory_reports_exactly_what_expected_yaml_lists()
    {
        var snapshot = AwsInventoryFile.Load(TestPaths.Fixture("Aws/live/inventory.json"));
        var expected = new YamlStream();
        expected.Load(new StringReader(File.ReadAllText(TestPaths.Fixture("Aws/live/expected.yaml"))));
        var root = (YamlMappingNode)expected.Documents[0].RootNode;
        string Scalar(YamlNode n) => ((YamlScalarNode)n).Value!;
        var now = DateTimeOffset.Parse(Scalar(root["now"]), CultureInfo.InvariantCulture);
        var rules = ((YamlSequenceNode)root["rules"]).Children.Select(Scalar).ToHashSet();

        AwsLinker.Link(snapshot.Resources).ShouldBe(6, "orders-db and billing-db by identifier, the web and db groups, shop-prod and api-prod by name");
        var findings = AwsTestSupport.Judge(snapshot.Resources, now).Where(f => rules.Contains(f.RuleId)).ToList();
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));

        var actual = findings.GroupBy(f => f.Location.Resource!.Arn!).ToDictionary(g => g.Key, g => g.Select(f => f.RuleId).Order().ToList());
        var wanted = ((YamlMappingNode)root["fail"]).Children.ToDictionary(p => Scalar(p.Key), p => ((YamlSequenceNode)p.Value).Children.Select(Scalar).Order().ToList());
        actual.Keys.Order().ShouldBe(wanted.Keys.Order(), dump);
        foreach (var (arn, ids) in wanted) actual[arn].ShouldBe(ids, $"{arn}\n{dump}");
        foreach (var arn in ((YamlSequenceNode)root["pass"]).Children.Select(Scalar)) actual.ShouldNotContainKey(arn, dump);

        foreach (var (rule, location) in ((YamlMappingNode)root["locations"]).Children.Select(p => (Scalar(p.Key), Scalar(p.Value))))
            findings.Where(f => f.RuleId == rule).ShouldAllBe(f => f.Location.File!.Display() == location, dump);
        findings.ShouldAllBe(f => f.Message.EndsWith('.'));
        // A drifted listener points at the listener's line in the code, the removed association at the load balancer.
        findings.Where(f => f.RuleId == "RDY2992").Select(f => f.Location.File!.Display()).Order().ToArray().ShouldBe(new[] { "infra/lb.tf:1", "infra/lb.tf:8" }, dump);
    }

    [Fact]
    public void Inventory_round_trips_through_the_format()
    {
        var path = TestPaths.Fixture("Aws/live/inventory.json");
        var once = AwsInventoryFile.Serialize(AwsInventoryFile.Load(path));
        var twice = AwsInventoryFile.Serialize(AwsInventoryFile.Deserialize(once, "memory"));
        twice.ShouldBe(once);
        once.ShouldContain("\"unresolved\": \"var.protect\"");
        once.ShouldNotContain("\"definition\"");
        once.ShouldNotContain("\"displayName\"");
    }

    [Theory]
    [InlineData("{\"format\":\"other\",\"version\":1}", "not a Readiness AWS inventory")]
    [InlineData("{\"format\":\"readiness.aws-inventory\",\"version\":9}", "version 9 is not supported")]
    [InlineData("{\"format\":\"readiness.aws-inventory\",\"version\":1,\"resources\":[{\"kind\":\"Spaceship\"}]}", "resources")]
    [InlineData("{ nope", "not valid JSON")]
    public void A_bad_inventory_is_rejected_with_a_reason(string json, string reason) =>
        Should.Throw<FormatException>(() => AwsInventoryFile.Deserialize(json, "inv.json")).Message.ShouldContain(reason);
}
