using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Readiness.Rules.Engine;
using Readiness.Rules.Generator;

namespace Readiness.Tests.Engine;

/// <summary>
/// The build-time reader of rule metadata files: what it writes for a good file, and the build error (file and line)
/// for a bad one. The shipped files go through it on every build; these run it on files written here.
/// </summary>
public class CatalogGeneratorTests
{
    private const string Good = """
        id: RDY9901
        name: ExampleRule
        title: An example "quoted" title
        severity: high
        tags: [code]
        rationale: >-
          Why it matters,
          on two lines.
        remediation: Fix it.
        references:
          - cwe: CWE-798
          - url: https://example.com/a
        parameters:
          max_age:
            type: int
            default: 30
            description: Days.
          names:
            type: string_list
            default: [a, b]
        """;

    [Fact]
    public void A_good_file_becomes_one_Describe_call_with_its_text_as_literals()
    {
        var (code, diagnostics) = Run("Catalog/Python/RDY9901.ExampleRule.yaml", Good, "namespace Readiness.Rules.Catalog.Python { public class ExampleRule {} }");
        diagnostics.ShouldBeEmpty();
        code.ShouldContain("Describe(new global::Readiness.Rules.Catalog.Python.ExampleRule(), \"RDY9901.ExampleRule.yaml\"");
        code.ShouldContain("title: \"An example \\\"quoted\\\" title\"");
        code.ShouldContain("rationale: \"Why it matters, on two lines.\"");
        code.ShouldContain("new(\"cwe\", \"CWE-798\", 11)");
        code.ShouldContain("new(\"max_age\", \"int\", \"30\", \"Days.\", 16)");
        code.ShouldContain("new string[] { \"a\", \"b\" }");
    }

    [Theory]
    [InlineData("colour: red\n", "RDY9901.ExampleRule.yaml:21: unknown key 'colour'.")]
    [InlineData("tags: code\n", "RDY9901.ExampleRule.yaml:5: 'tags' is a list.")]
    public void A_malformed_file_fails_the_build_naming_file_and_line(string edit, string message)
    {
        var yaml = edit.StartsWith("tags", StringComparison.Ordinal) ? Good.Replace("tags: [code]", edit.TrimEnd()) : Good + "\n" + edit;
        var (_, diagnostics) = Run("Catalog/Python/RDY9901.ExampleRule.yaml", yaml, "namespace Readiness.Rules.Catalog.Python { public class ExampleRule {} }");
        var error = diagnostics.ShouldHaveSingleItem();
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.GetMessage().ShouldBe(message);
        error.Location.GetLineSpan().Path.ShouldBe("Catalog/Python/RDY9901.ExampleRule.yaml");
    }

    [Fact]
    public void A_missing_required_key_fails_the_build()
    {
        var (_, diagnostics) = Run("Catalog/Python/RDY9901.ExampleRule.yaml", Good.Replace("remediation: Fix it.\n", ""), "namespace Readiness.Rules.Catalog.Python { public class ExampleRule {} }");
        diagnostics.ShouldHaveSingleItem().GetMessage().ShouldContain("required key 'remediation' is missing or empty.");
    }

    [Fact]
    public void A_file_without_its_class_in_the_folder_namespace_fails_the_build()
    {
        var (_, diagnostics) = Run("Catalog/Aws/RDY9901.ExampleRule.yaml", Good, "namespace Readiness.Rules.Catalog.Python { public class ExampleRule {} }");
        diagnostics.ShouldHaveSingleItem().GetMessage().ShouldContain("no class Readiness.Rules.Catalog.Aws.ExampleRule beside it");
    }

    [Fact]
    public void Detectors_become_one_Describe_call_each_and_a_misspelt_key_fails_the_build()
    {
        const string detectors = """
            detectors:
              - id: example-token
                title: 'Example token'
                kind: provider
                severity: high
                keywords: ['ex_']
                regex: '(?<secret>ex_[a-z0-9]{20})'
                lengths: { 'ex_': 23 }
            """;
        var (code, diagnostics) = Run("Secrets/detectors.yaml", detectors, "");
        diagnostics.ShouldBeEmpty();
        code.ShouldContain("Describe(id: \"example-token\", title: \"Example token\", kind: \"provider\", severity: \"high\"");
        code.ShouldContain("lengths: [new(\"ex_\", \"23\", 8)]");

        var (_, errors) = Run("Secrets/detectors.yaml", detectors + "\n    entropie: 3.0", "");
        errors.ShouldHaveSingleItem().GetMessage().ShouldBe("detectors.yaml:9: unknown key 'entropie'.");
    }

    [Fact]
    public void Describe_checks_what_the_values_mean()
    {
        var rule = (Rule)Activator.CreateInstance(RuleCatalog.Default.Find("RDY1101")!.GetType())!;
        Should.Throw<FormatException>(() => RuleCatalog.Describe(rule, "RDY1101.DjangoDebugEnabled.yaml", "RDY1101", "DjangoDebugEnabled", "t", "urgent", "r", "f", [], [], [], null))
            .Message.ShouldBe("RDY1101.DjangoDebugEnabled.yaml: severity 'urgent' is not one of critical, high, medium, low, info.");
        Should.Throw<FormatException>(() => RuleCatalog.Describe(rule, "RDY1101.DjangoDebugEnabled.yaml", "RDY1101", "DjangoDebugEnabled", "t", "high", "r", "f", [new("blog", "x", 7)], [], [], null))
            .Message.ShouldBe("RDY1101.DjangoDebugEnabled.yaml:7: unknown reference kind 'blog'.");
        Should.Throw<FormatException>(() => RuleCatalog.Describe(rule, "RDY1101.DjangoDebugEnabled.yaml", "RDY1101", "DjangoDebugEnabled", "t", "high", "r", "f", [], [], [new("days", "int", "soon", "", 9)], null))
            .Message.ShouldBe("RDY1101.DjangoDebugEnabled.yaml:9: default of 'days' is not a int.");
        Should.Throw<FormatException>(() => Readiness.Rules.Secrets.DetectorCatalog.Describe("example-token", "t", "provider", "high", ["ex_"], "x", null, "crc64",
                [], null, null, null, null, [], null, [], []))
            .Message.ShouldBe("detectors.yaml: example-token names unknown validator 'crc64'.");
        Should.Throw<InvalidOperationException>(() => RuleCatalog.Describe(rule, "RDY1102.DjangoDebugEnabled.yaml", "RDY1101", "DjangoDebugEnabled", "t", "high", "r", "f", [], [], [], null));
    }

    [Fact]
    public void Every_rule_class_is_in_the_catalog()
    {
        // The generator lists the classes that have a metadata file; this finds the ones that have none.
        var shipped = RuleCatalog.Default.Rules.Select(r => r.GetType()).ToHashSet();
        var classes = typeof(Rule).Assembly.GetTypes()
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace != typeof(Readiness.Rules.Custom.CustomResourceRule).Namespace);
        classes.Where(t => !shipped.Contains(t)).Select(t => t.FullName).ShouldBeEmpty("each rule class needs a metadata file 'ID.ClassName.yaml' beside it");
    }

    private static (string Code, IReadOnlyList<Diagnostic> Diagnostics) Run(string path, string yaml, string source)
    {
        var compilation = CSharpCompilation.Create("test", [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new CatalogGenerator().AsSourceGenerator()], [new Text(path, yaml)]);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        return (string.Concat(result.GeneratedSources.Select(s => s.SourceText.ToString())), result.Diagnostics);
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
