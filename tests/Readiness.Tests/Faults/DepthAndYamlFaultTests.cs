using System.Diagnostics;
using Readiness.Tests.Support;

namespace Readiness.Tests.Faults;

/// <summary>
/// Depth bombs in every reader (HCL, Python, C#, CloudFormation YAML and JSON, workflow YAML) and hostile YAML
/// configuration. A depth bomb is a coverage gap with file and line (exit 2) while the file beside it is still
/// judged; bad configuration is exit 2 with file and line and no stack trace. The bombs are generated: thousands of
/// repeated brackets say nothing a fixture file would.
/// </summary>
public sealed class DepthAndYamlFaultTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("readiness-depth-");

    public void Dispose() => root.Delete(recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Nested(string open, string close, int depth, string inner = "1") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>Scans the tree; asserts exit 2, the gap line, and that the plainly bad file beside the bomb was still judged.</summary>
    private CliRunner.Outcome ScanExpectingGap(string gap)
    {
        // DEBUG = True in a Django settings file is a finding whatever else the tree holds.
        Write("app/settings.py", "DEBUG = True\nALLOWED_HOSTS = ['*']\n");
        var clock = Stopwatch.StartNew();
        var outcome = CliRunner.Run("scan", root.FullName);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        outcome.ExitCode.ShouldBe(2, outcome.Stdout + outcome.Stderr);
        outcome.Stdout.ShouldContain(gap, Case.Sensitive, outcome.Stdout);
        outcome.Stdout.ShouldContain("app/settings.py", Case.Sensitive, "the file beside the bomb is still judged");
        return outcome;
    }

    [Fact]
    public void Hcl_with_6000_nested_brackets_is_a_gap_with_file_and_line()
    {
        Write("infra/main.tf", "locals {\n  deep = " + Nested("[", "]", 6000) + "\n}\n");
        ScanExpectingGap("infra/main.tf:2:");
        ScanExpectingGap("nested deeper than 256 levels");
    }

    [Fact]
    public void Python_with_12000_parentheses_is_a_gap_with_file_and_line()
    {
        Write("config/settings.py", "import os\nDEBUG = " + Nested("(", ")", 12000) + "\n");
        ScanExpectingGap("config/settings.py:2: nested deeper than 200 levels at line 2; the file was not checked");
    }

    [Fact]
    public void Python_with_stacked_not_and_conditionals_is_a_gap()
    {
        Write("config/settings.py", "DEBUG = " + string.Concat(Enumerable.Repeat("not ", 5000)) + "True\n");
        ScanExpectingGap("config/settings.py:1: nested deeper than 200 levels");
    }

    [Fact]
    public void CSharp_with_40000_parentheses_is_a_gap_with_file_and_line()
    {
        Write("src/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar x = " + Nested("(", ")", 40000) + ";\nvar app = builder.Build();\napp.Run();\n");
        ScanExpectingGap("src/Program.cs:2: nested deeper than 500 levels at line 2; the file was not checked");
    }

    [Fact]
    public void CloudFormation_yaml_with_25000_levels_is_a_gap_with_file_and_line()
    {
        Write("cfn/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: " + Nested("[", "]", 25000) + "\n");
        ScanExpectingGap("cfn/stack.yaml:6:");
        ScanExpectingGap("nested deeper than 128 levels");
    }

    [Fact]
    public void CloudFormation_json_with_25000_levels_is_a_gap_with_file_and_line()
    {
        Write("cfn/stack.json", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Bucket\": {\n      \"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\"Tags\": " + Nested("{\"a\": ", "}", 25000) + "}\n    }\n  }\n}\n");
        ScanExpectingGap("cfn/stack.json:6:");
    }

    [Fact]
    public void A_workflow_alias_bomb_is_a_gap_not_nothing_to_judge()
    {
        var bomb = File.ReadAllText(TestPaths.Fixture("Faults/rulesets/alias-bomb.yaml")).Replace("name: bomb\n", "").Replace("include: [RDY1101]\n", "");
        Write(".github/workflows/deploy.yml", "on: push\n" + bomb + "env: {AWS_ACCESS_KEY_ID: '${{ secrets.AWS_ACCESS_KEY_ID }}'}\njobs: {}\n");
        ScanExpectingGap(".github/workflows/deploy.yml:9: the document expands to more than 1,000,000 nodes (aliases) at line 9; the file was not checked");
    }

    [Theory]
    [InlineData("unclosed-bracket.yaml", "unclosed-bracket.yaml:2: YAML syntax error: malformed YAML after this point.")]
    [InlineData("alias-bomb.yaml", "alias-bomb.yaml:9: YAML syntax error: the document expands to more than 1,000,000 nodes (aliases).")]
    public void A_hostile_ruleset_exits_2_naming_file_and_line(string fixture, string message)
    {
        var clock = Stopwatch.StartNew();
        var run = CliRunner.Run("scan", root.FullName, "--ruleset", TestPaths.Fixture("Faults/rulesets/" + fixture));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "refused, not expanded");
        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stderr.ShouldContain(message);
        run.Stderr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
    }

    [Theory]
    [InlineData("unclosed-bracket", "RDY1101.yaml:1: YAML syntax error: malformed YAML after this point.")]
    [InlineData("alias-bomb", "RDY1101.yaml:8: YAML syntax error: the document expands to more than 1,000,000 nodes (aliases).")]
    public void A_hostile_suppression_file_exits_2_naming_file_and_line(string fixture, string message)
    {
        var run = CliRunner.Run("scan", root.FullName, "--suppressions", TestPaths.Fixture("Faults/suppressions/" + fixture));
        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stderr.ShouldContain(message);
        run.Stderr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
    }
}
