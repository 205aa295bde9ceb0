using Readiness.Rules.Model;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Files;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>Templates recognised by parsing, SAM, and CDK output that .gitignore hides from the walker.</summary>
public class CloudFormationRecognitionTests
{
    [Fact]
    public void Templates_without_a_format_version_and_with_quoted_types_are_read_and_sam_resources_judged() =>
        IacFixtureVerifier.Verify("CloudFormation/recognised");

    [Fact]
    public void A_file_that_looks_like_a_template_but_does_not_parse_is_a_gap()
    {
        var scan = IacFixtureVerifier.Scan("CloudFormation/recognised-broken");
        var gap = scan.Coverage.Gaps.ShouldHaveSingleItem();
        gap.Scope.ShouldBe("CloudFormation/recognised-broken/bad.yaml");
        gap.Reason.ShouldStartWith("CloudFormation template syntax error");
        gap.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Cdk_output_is_read_though_gitignored_and_findings_name_stack_and_construct_path()
    {
        var root = TestPaths.Fixture("CloudFormation/cdk-gitignored");
        var source = new CloudFormationSource(root);
        var coverage = new Coverage();
        var walked = new List<string>();
        new FileWalker(new FileWalkOptions()).Walk(root, file =>
        {
            lock (walked) walked.Add(file.Path);
            source.Observe(file);
        }, coverage);
        walked.ShouldNotContain(p => p.StartsWith("cdk.out/", StringComparison.Ordinal)); // the walker honours .gitignore

        var collector = new EvidenceCollector();
        await source.CollectAsync(collector, CancellationToken.None);
        var findings = IacFixtureVerifier.RunCloudRules(collector.Resources);

        var finding = findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RDY2001");
        finding.Location.File!.Path.ShouldBe("cdk.out/AppStack.template.json");
        finding.Location.Resource!.Address.ShouldBe("AppStack/Database/Resource (DatabaseB269D8BB)");
        collector.Coverage.Gaps.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n")]
    [InlineData("t.yml", "'Resources':\n  B:\n    'Type': 'AWS::S3::Bucket'\n")]
    [InlineData("t.yaml", "  Resources :\n    B:\n      Type:\n        AWS::S3::Bucket\n")]
    [InlineData("t.yaml", "{Resources: {B: {Type: AWS::S3::Bucket}}}\n")]
    [InlineData("t.json", "{\n\t\"Resources\" : { \"B\" : { \"Type\" : \"AWS::S3::Bucket\" } }\n}\n")]
    [InlineData("t.template", "Resources: {B: {\"Type\": \"AWS::Serverless::Function\"}}\n")]
    public void Every_spelling_of_a_template_that_parses_is_a_candidate(string name, string text)
    {
        var file = new SourceFile(name, text);
        CfnTemplate.Parse(file).ShouldNotBeNull();
        CfnTemplate.MayBeTemplate(file).ShouldBeTrue();
    }

    [Fact]
    public void A_schema_that_names_resources_and_aws_types_is_not_parsed()
    {
        // The shape of cfn-lint's resource schemas and botocore's API models: AWS:: types and "Resources" in prose.
        var schema = new SourceFile("aws-s3-bucket.json", """
            { "typeName": "AWS::S3::Bucket", "description": "Resources of type AWS::S3::Bucket",
              "properties": { "Type": { "type": "string" } } }
            """);
        CfnTemplate.Parse(schema).ShouldBeNull();
        CfnTemplate.MayBeTemplate(schema).ShouldBeFalse();
    }

    [Fact]
    public void Every_fixture_that_parses_as_a_template_is_a_candidate()
    {
        var parsed = 0;
        foreach (var path in Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetExtension(p).ToLowerInvariant() is ".json" or ".yaml" or ".yml" or ".template"))
        {
            var file = new SourceFile(Path.GetRelativePath(TestPaths.Fixtures, path), File.ReadAllText(path));
            CfnTemplate? template;
            try { template = CfnTemplate.Parse(file); }
            catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException) { continue; }
            if (template is null) continue;
            parsed++;
            CfnTemplate.MayBeTemplate(file).ShouldBeTrue(file.Path);
        }
        parsed.ShouldBeGreaterThan(50);
    }
}
