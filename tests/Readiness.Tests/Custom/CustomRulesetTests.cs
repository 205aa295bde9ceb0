using Readiness.Rules.Custom;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;
using Readiness.Runner.Custom;
using Readiness.Tests.Support;

namespace Readiness.Tests.Custom;

/// <summary>Custom rules as a user writes them: loaded and validated with the ruleset, judged by `rules test`.</summary>
public sealed class CustomRulesetTests
{
    private static readonly RulesetLoader Loader = new(RuleCatalog.Default);

    private static string SampleRuleset => Path.Combine(TestPaths.Samples, "custom-rules", ".readiness", "ruleset.yaml");
    private static string Fixture(string name) => TestPaths.Fixture("Custom/" + name);

    [Fact]
    public void The_issue_example_loads_as_ordinary_rules_beside_the_shipped_ones()
    {
        var ruleset = Loader.Load(SampleRuleset, TestPaths.Repo);

        ruleset.Custom.Select(d => (d.Rule.Id, d.Rule.GetType().Name)).ShouldBe(
            [("ACME-001", nameof(CustomSecretRule)), ("ACME-101", nameof(CustomResourceRule)), ("ACME-201", nameof(CustomFileRule)), ("ACME-301", nameof(CustomHttpRule))],
            ignoreOrder: true);
        ruleset.Rules.Count.ShouldBe(RuleCatalog.Default.Rules.Count + 4);
        ruleset.Catalog.Find("ACME-101")!.Metadata.Severity.ShouldBe(Severity.Medium);
        ruleset.Catalog.Find("ACME-001")!.Metadata.Tags.ShouldContain("custom");
        var resource = (CustomResourceRule)ruleset.Catalog.Find("ACME-101")!;
        resource.Kinds.Select(k => k.Name).ShouldBe(["DbInstance", "S3Bucket"]);
    }

    [Theory]
    [InlineData("typo-attribute.yaml", 9, "DbInstance has no attribute 'StorageEncrypte' (in ACME-102) (did you mean 'StorageEncrypted'?)")]
    [InlineData("unknown-field.yaml", 7, "unknown field 'severty' in a custom http rule (did you mean 'severity'?)")]
    [InlineData("duplicate-id.yaml", 5, "rule id 'ACME-301' is already used")]
    [InlineData("rdy-id.yaml", 5, "custom rule id 'RDY9001' starts with RDY")]
    [InlineData("bad-regex.yaml", 9, "the regex 'REPLACE_(ME' is not valid")]
    [InlineData("no-secret-group.yaml", 8, "has no group named 'secret'")]
    [InlineData("unknown-type.yaml", 8, "unknown resource type 'aws_db_instanse' in ACME-101 (did you mean 'aws_db_instance'?)")]
    [InlineData("broken-sample.yaml", 12, "ACME-001: true sample #2 (ap****F\") is not found by the regex and keywords")]
    [InlineData("wrong-operand.yaml", 12, "'yes please' in ACME-102 must be true or false.")]
    [InlineData("wrong-operator.yaml", 9, "'less_than' does not apply to Engine, which is text (in ACME-102).")]
    [InlineData("unknown-placeholder.yaml", 10, "names {Engine}, which is neither kind, name, id nor an attribute of S3Bucket.")]
    [InlineData("wrong-prefix.yaml", 6, "custom rule id 'ORG-301' does not start with the ruleset's prefix 'ACME-'.")]
    public void A_mistake_stops_the_load_naming_the_file_and_line(string file, int line, string message)
    {
        var path = Fixture("errors/" + file);
        var error = Should.Throw<ConfigurationError>(() => Loader.Load(path, TestPaths.Repo));
        (error.File, error.Line).ShouldBe((Path.GetFullPath(path), line));
        error.Reason.ShouldContain(message);
    }

    [Fact]
    public void A_typo_in_an_attribute_stops_the_scan_with_exit_2_and_the_line()
    {
        var path = Fixture("errors/typo-attribute.yaml");
        var run = CliRunner.Run("scan", Path.Combine(TestPaths.Samples, "custom-rules"), "--ruleset", path);

        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stderr.ShouldContain($"{Path.GetFullPath(path)}:9: DbInstance has no attribute 'StorageEncrypte'");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Rules_test_judges_every_sample_and_annotated_fixture()
    {
        var run = CliRunner.Run("rules", "test", Fixture("policies/ruleset.yaml"));

        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        run.Stdout.ShouldNotContain("FAIL");
        run.Stdout.ShouldContain("13 case(s), 0 misjudged.");
        foreach (var id in new[] { "ORG-001", "ORG-101", "ORG-102", "ORG-103", "ORG-201", "ORG-202", "ORG-203" }) run.Stdout.ShouldContain($"ok    {id} ");
        run.Stdout.ShouldMatch(@"ok    ORG-102 \S*Custom/policies/cases/main\.tf:37\n"); // the undecided one, at the unresolved attribute
    }

    [Fact]
    public void Rules_test_catches_a_broken_sample_and_names_its_line()
    {
        var path = Fixture("errors/broken-sample.yaml");
        var run = CliRunner.Run("rules", "test", path);

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain($"ok    ACME-001 true sample #1 ({path}:11)");
        run.Stdout.ShouldContain($"FAIL  {path}:12: ACME-001: true sample #2 (ap****F\") is not found by the regex and keywords");
        run.Stdout.ShouldContain("3 case(s), 1 misjudged.");
        run.Stdout.ShouldNotContain("0123456789ABCDEF");
    }

    [Fact]
    public void Rules_test_catches_a_fixture_the_rules_misjudge()
    {
        var dir = Directory.CreateTempSubdirectory("readiness-custom-test-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "production.tfvars"), "owner = \"REPLACE_ME\"\nregion = \"eu-west-1\" # Noncompliant ACME-201\n");
            File.WriteAllText(Path.Combine(dir.FullName, "ruleset.yaml"), File.ReadAllText(SampleRuleset).Replace("custom:\n", "custom:\n  fixtures: [.]\n"));
            var run = CliRunner.Run("rules", "test", Path.Combine(dir.FullName, "ruleset.yaml"));

            run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
            run.Stdout.ShouldContain("production.tfvars:2: ACME-201 was expected but not found.");
            run.Stdout.ShouldContain("production.tfvars:1: ACME-201 was not expected: production.tfvars contains 'REPLACE_ME'");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_catastrophic_custom_regex_is_a_coverage_gap_not_a_pass()
    {
        var folder = Fixture("catastrophic");
        var run = CliRunner.Run("scan", folder, "--ruleset", Path.Combine(folder, "ruleset.yaml"));

        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("COULD NOT LOOK: input.txt: the regex of ACME-299 gave up after its time limit");
    }

    [Fact]
    public void Custom_rules_can_be_excluded_and_given_another_severity_by_id()
    {
        var dir = Directory.CreateTempSubdirectory("readiness-custom-child-");
        try
        {
            var child = Path.Combine(dir.FullName, "child.yaml");
            File.WriteAllText(child, $"name: child\nextends: {SampleRuleset}\nexclude: [ACME-301]\nseverity:\n  ACME-101: critical\n");
            var ruleset = Loader.Load(child, TestPaths.Repo);
            ruleset.Rules.Select(r => r.Rule.Id).ShouldNotContain("ACME-301");
            ruleset.Rules.Single(r => r.Rule.Id == "ACME-101").Severity.ShouldBe(Severity.Critical);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Schema_lists_every_model_kind_with_the_iac_names_its_mappings_register()
    {
        var schema = CloudModelSchema.Instance;
        schema.Find("aws_db_instance")!.Name.ShouldBe("DbInstance");
        schema.Find("AWS::RDS::DBCluster")!.Name.ShouldBe("DbInstance");
        schema.Find("AWS::S3::Bucket")!.Name.ShouldBe("S3Bucket");
        schema.Find("S3Bucket")!.Attributes.Select(a => a.Name).ShouldContain("BlockPublicAcls");
        schema.Find("DbInstance")!.Attribute("BackupRetentionPeriod")!.Kind.ShouldBe(AttributeKind.Number);
        // Every owner type a mapping registers is an alias of some kind (a type that only completes another maps to nothing).
        var registered = Readiness.Runner.Sources.Aws.Services.AwsServices.All
            .SelectMany(s => (s.Terraform?.Types ?? []).Concat(s.CloudFormation?.Types ?? [])).ToList();
        registered.Where(t => schema.Find(t) is null).ShouldBeEmpty();

        var run = CliRunner.Run("rules", "schema");
        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("DbInstance (AWS::RDS::DBCluster, AWS::RDS::DBInstance, aws_db_instance, aws_rds_cluster, aws_rds_cluster_instance)");
        run.Stdout.ShouldContain("  StorageEncrypted             bool");
    }
}

/// <summary>`readiness init` writes a commented example of each kind of custom rule; uncommented, it loads and works.</summary>
public sealed class CustomInitTests : IDisposable
{
    private readonly DirectoryInfo project = Directory.CreateTempSubdirectory("readiness-init-custom-");

    public void Dispose() => project.Delete(recursive: true);

    [Fact]
    public void The_commented_example_uncommented_loads_and_its_samples_pass()
    {
        CliRunner.Run("init", project.FullName).ExitCode.ShouldBe(0);
        var path = Path.Combine(project.FullName, ".readiness", "ruleset.yaml");
        var text = File.ReadAllText(path);
        text.ShouldContain("# custom:\n#   prefix: ORG-\n");
        // As written, the example is a comment: the ruleset has no custom rules.
        new RulesetLoader(RuleCatalog.Default).Load(path, project.FullName).Custom.ShouldBeEmpty();

        var lines = text.Split('\n');
        var start = Array.IndexOf(lines, "# custom:");
        for (var i = start; i < lines.Length && lines[i].StartsWith('#'); i++) lines[i] = lines[i][2..];
        File.WriteAllText(path, string.Join('\n', lines));

        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(path, project.FullName);
        ruleset.Custom.Select(d => d.Rule.Id).ShouldBe(["ORG-001", "ORG-101", "ORG-201", "ORG-301"], ignoreOrder: true);
        var run = CliRunner.Run("rules", "test", path);
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("2 case(s), 0 misjudged.");
    }
}

/// <summary>A forbidden key in a file that cannot hold annotations (JSON), judged through the policies ruleset's ORG-202.</summary>
public sealed class CustomJsonKeyTests
{
    [Fact]
    public void A_forbidden_key_is_found_in_json_at_its_line()
    {
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(TestPaths.Fixture("Custom/policies/ruleset.yaml"), TestPaths.Repo);
        var engine = new RuleEngine(ruleset.Rules.Where(r => r.Rule.Id == "ORG-202"));
        var path = TestPaths.Fixture("Custom/json/config/production.json");
        engine.CheckFile(new SourceFile("config/production.json", File.ReadAllText(path)));
        var (findings, errors) = engine.Complete();

        errors.ShouldBeEmpty();
        engine.Gaps.ShouldBeEmpty();
        findings.ShouldHaveSingleItem().Location.File!.StartLine.ShouldBe(5);
        findings[0].Message.ShouldBe("config/production.json turns app.debug on at line 5; set it to false for production.");
    }
}
