using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Iac;

/// <summary>
/// Checkov's own pass/fail fixtures (Fixtures/RealWorld/checkov, see its README) for the controls Readiness has: every
/// failing resource must be reported and no passing one, except the misses and false positives the manifest lists
/// (so a regression and an improvement both show here).
/// </summary>
public class CheckovCorpusTests(ITestOutputHelper output)
{
    private const string Corpus = "RealWorld/checkov";

    private sealed record Check(string Id, string Folder, string Rule, List<string> Fail, List<string> Pass, List<string> Missed, List<string> FalsePositives);

    private static List<Check> Checks()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(TestPaths.Fixture(Corpus + "/checkov.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        List<string> List(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString()).ToList();
        return ((YamlSequenceNode)root["checks"]).Children.Cast<YamlMappingNode>()
            .Select(c => new Check(c["check"].ToString(), c["folder"].ToString(), c["rule"].ToString(), List(c, "fail"), List(c, "pass"), List(c, "missed"), List(c, "false_positives")))
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
        var found = FoundResources(folder, check.Rule);
        var missed = check.Fail.Where(r => !found.Contains(r)).ToList();
        var falsePositives = check.Pass.Where(found.Contains).ToList();
        output.WriteLine($"{check.Id} {folder} {check.Rule}: found {check.Fail.Count - missed.Count}/{check.Fail.Count} failing, " +
            $"{falsePositives.Count}/{check.Pass.Count} passing reported");
        missed.ShouldBe(check.Missed, $"{folder}: failing resources not reported");
        falsePositives.ShouldBe(check.FalsePositives, $"{folder}: passing resources reported");
    }

    /// <summary>"file:resource" of every resource with a definite finding of the rule at a line of its block, or named by the finding.</summary>
    private static HashSet<string> FoundResources(string folder, string rule)
    {
        var scan = IacFixtureVerifier.Scan($"{Corpus}/{folder}");
        var prefix = $"{Corpus}/{folder}/";
        var starts = new Dictionary<string, List<(int Line, string Name)>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(TestPaths.Fixture(Corpus + "/" + folder)))
        {
            var relative = prefix + Path.GetFileName(path);
            starts[relative] = Blocks(relative, File.ReadAllText(path)).OrderBy(b => b.Line).ToList();
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in scan.Findings.Where(f => f.RuleId == rule && !f.Undecided && f.Location.File is not null))
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
