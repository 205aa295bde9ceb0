using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Containers;
using Readiness.Runner.Sources.Terraform;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Support;

/// <summary>What scanning an IaC fixture folder produced.</summary>
public sealed record IacScan(IReadOnlyList<CloudResource> Resources, IReadOnlyList<Finding> Findings, Coverage Coverage)
{
    public ContainerEvidence Containers { get; init; } = ContainerEvidence.Empty;
}

/// <summary>
/// Parses a fixture folder through the Terraform, CloudFormation and container sources, runs every model rule over the model and
/// compares the findings with the annotations:
///   in .tf / .tfvars / YAML templates, comments on the line: <c>Noncompliant RDY2002</c>, <c>Undecided RDY2004</c>
///   (an info-level "cannot decide"), <c>Noncompliant@+1 RDY2002</c>, <c>FN</c> / <c>FP</c> for known misses;
///   for JSON templates and plans, a sidecar expected.yaml beside them listing { file, address, rule, undecided }
///   under <c>findings:</c>, and under <c>pass:</c> the address/rule pairs that must not fail.
/// A missing or extra finding fails with the full list.
/// </summary>
public static partial class IacFixtureVerifier
{
    [GeneratedRegex(@"\b(?<kind>Noncompliant|Undecided|FN|FP)(?:@(?<offset>[+-]\d+))?(?<ids>(?:[\s,]+RDY\d{4})+)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"RDY\d{4}")]
    private static partial Regex RuleId();

    public static IacScan Scan(string fixtureFolder, TerraformOptions? terraform = null)
    {
        var root = TestPaths.Fixture(fixtureFolder);
        var sources = new IEvidenceSource[] { new TerraformSource(terraform), new CloudFormationSource(), new ContainerSource() };
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(TestPaths.Fixtures, path).Replace('\\', '/');
            var file = new SourceFile(relative, File.ReadAllText(path));
            foreach (var source in sources) source.Observe(file);
        }
        var collector = new EvidenceCollector();
        foreach (var source in sources) source.CollectAsync(collector, CancellationToken.None).GetAwaiter().GetResult();
        var findings = RunCloudRules(collector.Resources, collector.Containers);
        return new IacScan(collector.Resources, findings, collector.Coverage) { Containers = collector.Containers };
    }

    /// <summary>Runs every model rule of the catalog over the given resources.</summary>
    public static IReadOnlyList<Finding> RunCloudRules(IReadOnlyList<CloudResource> resources, ContainerEvidence? containers = null)
    {
        var engine = new RuleEngine(RuleCatalog.Default.Rules.Where(r => r is IModelRule).Select(ActiveRule.WithDefaults));
        engine.CheckModel(new Evidence { Cloud = new CloudInventory(resources), Containers = containers ?? ContainerEvidence.Empty });
        var (findings, errors) = engine.Complete();
        if (errors.Count > 0) throw new InvalidOperationException("Engine errors: " + string.Join("; ", errors));
        return findings;
    }

    public static IacScan Verify(string fixtureFolder, TerraformOptions? terraform = null)
    {
        var scan = Scan(fixtureFolder, terraform);
        if (scan.Coverage.Gaps.Count > 0)
            throw new Xunit.Sdk.XunitException("Coverage gaps: " + string.Join("; ", scan.Coverage.Gaps.Select(g => g.Display())));
        var root = TestPaths.Fixture(fixtureFolder);
        var expected = new List<Expectation>();
        var allowedMissing = new List<Expectation>();
        var allowedExtra = new List<Expectation>();
        var passes = new List<Expectation>();
        var sidecarFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(TestPaths.Fixtures, path).Replace('\\', '/');
            if (Path.GetFileName(path) == "expected.yaml")
            {
                ReadSidecar(path, relative, expected, passes, sidecarFiles);
                continue;
            }
            ReadComments(new SourceFile(relative, File.ReadAllText(path)), expected, allowedMissing, allowedExtra);
        }

        var actual = scan.Findings.Select(f => Expectation.Of(f, sidecarFiles.Contains(f.Location.File?.Path ?? ""))).ToList();
        var problems = new List<string>();
        var remaining = actual.ToList();
        foreach (var e in expected)
        {
            if (!remaining.Remove(e) && !allowedMissing.Contains(e)) problems.Add($"  missing: {e}");
        }
        foreach (var a in remaining.Where(a => !allowedExtra.Contains(a)))
        {
            var finding = scan.Findings.First(f => Expectation.Of(f, sidecarFiles.Contains(f.Location.File?.Path ?? "")) == a);
            problems.Add($"  unexpected: {a}: {finding.Message}");
        }
        // A "pass" entry must name a resource that was read, and no finding of its rule may be on it.
        foreach (var pass in passes)
        {
            if (!scan.Resources.Any(r => r.Provenance.Address == pass.Address && r.Provenance.File == pass.File))
                problems.Add($"  pass entry names no resource read: {pass}");
            if (actual.Any(a => a.Address == pass.Address && a.RuleId == pass.RuleId))
                problems.Add($"  listed as pass but found: {pass}");
        }
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"{fixtureFolder} does not match its annotations:\n{string.Join("\n", problems)}");
        return scan;
    }

    /// <summary>One expected finding: by file and line for annotated files, by file and address for sidecar-listed ones.</summary>
    private sealed record Expectation(string File, int Line, string? Address, string RuleId, bool Undecided)
    {
        public static Expectation Of(Finding f, bool byAddress) => new(
            f.Location.File?.Path ?? "", byAddress ? 0 : f.Location.File?.StartLine ?? 0, byAddress ? f.Location.Resource?.Address : null, f.RuleId, f.Undecided);

        public override string ToString() =>
            $"{File}{(Line > 0 ? ":" + Line : "")}{(Address is null ? "" : " " + Address)} {RuleId}{(Undecided ? " (undecided)" : "")}";
    }

    private static void ReadComments(SourceFile file, List<Expectation> expected, List<Expectation> fn, List<Expectation> fp)
    {
        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.Line(line);
            var comment = text.IndexOf('#') is >= 0 and var hash ? hash : text.IndexOf("//", StringComparison.Ordinal);
            if (comment < 0) continue;
            foreach (Match m in Marker().Matches(text[comment..]))
            {
                var target = line + (m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
                foreach (var id in RuleId().Matches(m.Groups["ids"].Value).Select(x => x.Value))
                {
                    var kind = m.Groups["kind"].Value;
                    var e = new Expectation(file.Path, target, null, id, kind == "Undecided");
                    (kind is "FN" ? fn : kind is "FP" ? fp : expected).Add(e);
                }
            }
        }
    }

    private static void ReadSidecar(string path, string relative, List<Expectation> expected, List<Expectation> passes, HashSet<string> sidecarFiles)
    {
        var folder = relative[..relative.LastIndexOf('/')];
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Field(YamlMappingNode item, string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v.ToString() : "";
        foreach (var section in new[] { "findings", "pass" })
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(section), out var list)) continue;
            foreach (var item in ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>())
            {
                var file = folder + "/" + Field(item, "file");
                sidecarFiles.Add(file);
                var e = new Expectation(file, 0, Field(item, "address"), Field(item, "rule"), Field(item, "undecided") == "true");
                if (section == "findings") expected.Add(e);
                else passes.Add(e);
            }
        }
    }

}
