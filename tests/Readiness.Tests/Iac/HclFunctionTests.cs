using System.Text.Json;
using System.Text.RegularExpressions;
using Readiness.Rules.Languages.Hcl;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>
/// Every local of Fixtures/Hcl/functions.tf is evaluated and compared with the JSON written after "=>" on its line
/// ("unknown": a scan cannot know it; "error": Terraform would reject it, which try() skips).
/// </summary>
public partial class HclFunctionTests
{
    [GeneratedRegex(@"#\s*=>\s*(?<expected>.+)$")]
    private static partial Regex Expected();

    private static readonly string Path = "Hcl/functions.tf";

    public static TheoryData<string> Locals()
    {
        var data = new TheoryData<string>();
        foreach (var attribute in File().Body.BlocksOf("locals").Single().Body.Attributes) data.Add(attribute.Name);
        return data;
    }

    private static HclFile File() => HclParser.Parse(Path, System.IO.File.ReadAllText(TestPaths.Fixture(Path)));

    [Fact]
    public void The_fixture_parses_and_every_local_has_an_expectation()
    {
        var file = File();
        file.Error.ShouldBeNull();
        var lines = System.IO.File.ReadAllLines(TestPaths.Fixture(Path));
        foreach (var attribute in file.Body.BlocksOf("locals").Single().Body.Attributes)
            Expected().IsMatch(lines[attribute.Line - 1]).ShouldBeTrue($"{attribute.Name} has no '=> expected' comment");
    }

    [Theory]
    [MemberData(nameof(Locals))]
    public void Evaluates_as_terraform_does(string name)
    {
        var file = File();
        var attribute = file.Body.BlocksOf("locals").Single().Body.Attribute(name)!;
        var expected = Expected().Match(System.IO.File.ReadAllLines(TestPaths.Fixture(Path))[attribute.Line - 1]).Groups["expected"].Value.Trim();
        var variables = new Dictionary<string, Lazy<object?>> { ["absent"] = new(() => new IacUnknown("var.absent")) };
        var module = new TfModule("Hcl", "", [file], variables, TfDisk.Under(TestPaths.Fixtures), rootDirectory: "Hcl");

        var value = TerraformEvaluator.Instance.Eval(attribute.Value, module);

        switch (expected)
        {
            case "unknown":
                var unknown = value.ShouldBeOfType<IacUnknown>();
                unknown.Failed.ShouldBeFalse($"{name}: {unknown}");
                break;
            case "error":
                value.ShouldBeOfType<IacUnknown>().Failed.ShouldBeTrue(name);
                break;
            default:
                IacValues.IsKnown(value).ShouldBeTrue($"{name} is {value}");
                IacValues.ToJson(value).ShouldBe(IacValues.ToJson(IacValues.FromJson(JsonDocument.Parse(expected).RootElement)), name);
                break;
        }
    }
}
