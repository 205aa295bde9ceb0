using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Containers;
using Readiness.Runner.Sources.Iac.Cdk;
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
///   in .tf / .tfvars / YAML templates, Dockerfiles and compose files, the common annotations of <see cref="Annotations"/>
///   (<c>Noncompliant RDY2002</c>, <c>Undecided RDY2004</c> for an info-level "cannot decide", <c>Noncompliant@+1</c>,
///   <c>FN</c> / <c>FP</c>, <c>{{exact message}}</c>), for the model rules this verifier runs;
///   for JSON templates and plans, a sidecar expected.yaml beside them listing { file, address, rule, undecided }
///   under <c>findings:</c>, and under <c>pass:</c> the address/rule pairs that must not fail.
/// A missing or extra finding fails with the full list.
/// </summary>
public static class IacFixtureVerifier
{
    public static IacScan Scan(string fixtureFolder, TerraformOptions? terraform = null)
    {
        var root = TestPaths.Fixture(fixtureFolder);
        var sources = new IEvidenceSource[] { new TerraformSource(terraform), new CloudFormationSource(), new CdkSource(), new ContainerSource() };
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
        var expected = new List<SidecarExpectation>();
        var passes = new List<SidecarExpectation>();
        var sidecarFiles = new HashSet<string>(StringComparer.Ordinal);
        var annotated = new List<SourceFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(TestPaths.Fixtures, path).Replace('\\', '/');
            if (Path.GetFileName(path) == Annotations.SidecarName) ReadSidecar(path, relative, expected, passes, sidecarFiles);
            else annotated.Add(new SourceFile(relative, File.ReadAllText(path)));
        }

        // Annotated files: the common annotation check, for the model rules this verifier runs (file rules' marks are the FixtureVerifier's).
        var modelRules = RuleCatalog.Default.Rules.Where(r => r is IModelRule).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var byFile = scan.Findings.ToLookup(f => f.Location.File?.Path ?? "");
        foreach (var file in annotated.Where(f => !sidecarFiles.Contains(f.Path)))
        {
            var expectations = Annotations.FromComments(file).Where(e => modelRules.Contains(e.RuleId)).ToList();
            problems.AddRange(AnnotationCheck.Compare(expectations, byFile[file.Path].ToList(), f => f.Location.File!.StartLine, file.Path));
        }
        var annotatedPaths = annotated.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in scan.Findings.Where(f => !annotatedPaths.Contains(f.Location.File?.Path ?? "") && !sidecarFiles.Contains(f.Location.File?.Path ?? "")))
            problems.Add($"  unexpected: {stray.Location.File?.Path ?? stray.Location.Resource?.Address} {stray.RuleId}: {stray.Message}");

        // Sidecar-listed files (JSON templates, plans): findings by file and address.
        var actual = scan.Findings.Where(f => sidecarFiles.Contains(f.Location.File?.Path ?? "")).Select(SidecarExpectation.Of).ToList();
        var remaining = actual.ToList();
        foreach (var e in expected)
        {
            if (!remaining.Remove(e)) problems.Add($"  missing: {e}");
        }
        foreach (var a in remaining)
        {
            var finding = scan.Findings.First(f => sidecarFiles.Contains(f.Location.File?.Path ?? "") && SidecarExpectation.Of(f) == a);
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

    /// <summary>One expected finding of a sidecar-listed file, by file and address.</summary>
    private sealed record SidecarExpectation(string File, string? Address, string RuleId, bool Undecided)
    {
        public static SidecarExpectation Of(Finding f) => new(f.Location.File?.Path ?? "", f.Location.Resource?.Address, f.RuleId, f.Undecided);

        public override string ToString() => $"{File} {Address} {RuleId}{(Undecided ? " (undecided)" : "")}";
    }

    private static void ReadSidecar(string path, string relative, List<SidecarExpectation> expected, List<SidecarExpectation> passes, HashSet<string> sidecarFiles)
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
                var e = new SidecarExpectation(file, Field(item, "address"), Field(item, "rule"), Field(item, "undecided") == "true");
                if (section == "findings") expected.Add(e);
                else passes.Add(e);
            }
        }
    }

}
