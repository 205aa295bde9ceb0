using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Iac;

/// <summary>
/// Checkov's own pass/fail fixtures (Fixtures/RealWorld/checkov, see its README) for the controls Readiness has: every
/// failing resource must be reported and no passing one. A resource Checkov judges otherwise than Readiness is listed
/// under <c>explained</c> with why (reported under another rule, undecided, no such control, configuration Terraform or
/// AWS rejects, a verdict AWS's semantics contradict, a stricter control); each explanation is checked, so none can go
/// stale. What remains is a real miss or false report, listed under <c>missed</c> / <c>false_positives</c>.
/// </summary>
public class CheckovCorpusTests(ITestOutputHelper output)
{
    private const string Corpus = "RealWorld/checkov";

    /// <summary>Why Readiness's verdict on a resource differs from Checkov's, checked against the scan.</summary>
    private sealed record Explained(string Resource, string Kind, string? Rule, string Why);

    private sealed record Check(string Id, string Folder, string Rule, List<string> Fail, List<string> Pass, List<string> Missed,
        List<string> FalsePositives, List<Explained> Explained);

    /// <summary>Kinds of explanation: on a failing resource the first five, on a passing one "stricter".</summary>
    private static readonly string[] Kinds = ["other-rule", "undecided", "no-control", "invalid", "disputed", "stricter"];

    private static List<Check> Checks()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(TestPaths.Fixture(Corpus + "/checkov.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        List<string> List(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString()).ToList();
        List<Explained> Explanations(YamlMappingNode node) => node.Children.TryGetValue(new YamlScalarNode("explained"), out var list)
            ? ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>().Select(e => new Explained(e["resource"].ToString(), e["kind"].ToString(),
                e.Children.TryGetValue(new YamlScalarNode("rule"), out var rule) ? rule.ToString() : null, e["why"].ToString())).ToList()
            : [];
        return ((YamlSequenceNode)root["checks"]).Children.Cast<YamlMappingNode>()
            .Select(c => new Check(c["check"].ToString(), c["folder"].ToString(), c["rule"].ToString(), List(c, "fail"), List(c, "pass"), List(c, "missed"),
                List(c, "false_positives"), Explanations(c)))
            .ToList();
    }

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var check in Checks()) data.Add(check.Folder);
        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_failing_resource_is_reported_and_no_passing_one(string folder)
    {
        var check = Checks().Single(c => c.Folder == folder);
        var scan = IacFixtureVerifier.Scan($"{Corpus}/{folder}");
        var found = FoundResources(scan, folder, check.Rule, undecided: false);
        var explained = check.Explained.ToDictionary(e => e.Resource, StringComparer.Ordinal);
        foreach (var e in check.Explained)
        {
            Kinds.ShouldContain(e.Kind, $"{folder}: {e.Resource} has an unknown kind of explanation");
            var failing = check.Fail.Contains(e.Resource);
            (failing || check.Pass.Contains(e.Resource)).ShouldBeTrue($"{folder}: {e.Resource} is explained but neither failing nor passing");
            (e.Kind == "stricter").ShouldBe(!failing, $"{folder}: {e.Resource}: 'stricter' explains a passing resource, the other kinds a failing one");
            found.Contains(e.Resource).ShouldBe(!failing, $"{folder}: {e.Resource} is explained ({e.Kind}) but {(failing ? "is now reported" : "is no longer reported")} by {check.Rule}");
            if (e.Kind == "other-rule") FoundResources(scan, folder, e.Rule!, undecided: false).ShouldContain(e.Resource, $"{folder}: {e.Resource} is not reported by {e.Rule}");
            if (e.Kind == "undecided") FoundResources(scan, folder, check.Rule, undecided: true).ShouldContain(e.Resource, $"{folder}: {e.Resource} is not reported as undecided");
        }
        var missed = check.Fail.Where(r => !found.Contains(r) && !explained.ContainsKey(r)).ToList();
        var falsePositives = check.Pass.Where(r => found.Contains(r) && !explained.ContainsKey(r)).ToList();
        var inScope = check.Fail.Count(r => !explained.ContainsKey(r));
        output.WriteLine($"{check.Id} {folder} {check.Rule}: found {check.Fail.Count(found.Contains)}/{check.Fail.Count} failing " +
            $"({inScope - missed.Count}/{inScope} of those Readiness has a control for), {check.Pass.Count(found.Contains)}/{check.Pass.Count} passing reported " +
            $"({falsePositives.Count} unexplained)");
        missed.ShouldBe(check.Missed, $"{folder}: failing resources not reported");
        falsePositives.ShouldBe(check.FalsePositives, $"{folder}: passing resources reported");
    }

    /// <summary>"file:resource" of every resource with a definite (or undecided) finding of the rule at a line of its block, or named by the finding.</summary>
    private static HashSet<string> FoundResources(IacScan scan, string folder, string rule, bool undecided)
    {
        var prefix = $"{Corpus}/{folder}/";
        var starts = new Dictionary<string, List<(int Line, string Name)>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(TestPaths.Fixture(Corpus + "/" + folder)))
        {
            var relative = prefix + Path.GetFileName(path);
            starts[relative] = Blocks(relative, File.ReadAllText(path)).OrderBy(b => b.Line).ToList();
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in scan.Findings.Where(f => f.RuleId == rule && f.Undecided == undecided && f.Location.File is not null))
        {
            var file = finding.Location.File!.Path;
            if (!starts.TryGetValue(file, out var blocks)) continue;
            var block = blocks.LastOrDefault(b => b.Line <= finding.Location.File.StartLine);
            if (block.Name is not null) found.Add($"{file[prefix.Length..]}:{block.Name}");
            // A finding may point where the fix goes, in another resource (a DB instance's finding at its parameter
            // group's line): the resource it names is reported too.
            if (finding.Location.Resource?.Address is { } address && blocks.Any(b => b.Name == address)) found.Add($"{file[prefix.Length..]}:{address}");
        }
        return found;
    }

    /// <summary>Where each resource starts: Terraform resource blocks (type.name), CloudFormation logical ids.</summary>
    private static IEnumerable<(int Line, string Name)> Blocks(string path, string text)
    {
        if (path.EndsWith(".tf", StringComparison.Ordinal))
        {
            return HclParser.Parse(path, text).Body.BlocksOf("resource")
                .Where(b => b.Labels.Count == 2).Select(b => (b.Line, $"{b.Labels[0]}.{b.Labels[1]}"));
        }
        var template = CfnTemplate.Parse(new SourceFile(path, text));
        return template is null ? [] : template.Resources.Select(r => ((int)r.Value.Key.Start.Line, r.Key));
    }
}
