using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;
using Readiness.Tests.Support;

namespace Readiness.Tests.Configuration;

public class RulesetLoaderTests
{
    private static readonly RulesetLoader Loader = new(RuleCatalog.Default);

    private static Ruleset Load(string fixture) => Loader.Load(TestPaths.Fixture("Rulesets/" + fixture), TestPaths.Repo);

    [Fact]
    public void Default_ruleset_is_embedded_and_selects_rules()
    {
        // A fresh empty folder, not the shared temp folder, where anyone's .readiness/ruleset.yaml would be found.
        var empty = Directory.CreateTempSubdirectory("readiness-no-ruleset-");
        try
        {
            var ruleset = Loader.Load(null, empty.FullName);
            ruleset.Name.ShouldBe("launch-readiness");
            ruleset.Source.ShouldBe("builtin:launch-readiness");
            ruleset.Rules.Count.ShouldBe(RuleCatalog.Default.Rules.Count);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Project_ruleset_is_used_when_present()
    {
        var dir = Directory.CreateTempSubdirectory("readiness-project-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, ".readiness"));
            File.WriteAllText(Path.Combine(dir.FullName, ".readiness", "ruleset.yaml"), "name: mine\ninclude: [RDY1101]\n");
            var ruleset = Loader.Load(null, dir.FullName);
            ruleset.Name.ShouldBe("mine");
            ruleset.Rules.ShouldHaveSingleItem().Rule.Id.ShouldBe("RDY1101");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Extends_excludes_and_overrides_severity()
    {
        var ruleset = Load("strict-python.yaml");
        ruleset.Rules.Select(r => r.Rule.Id).ShouldNotContain("RDY1102");
        ruleset.Rules.Single(r => r.Rule.Id == "RDY1101").Severity.ShouldBe(Severity.High);
        ruleset.Rules.Single(r => r.Rule.Id == "RDY1103").Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Selects_by_tag_and_id_glob()
    {
        var expected = RuleCatalog.Default.Rules
            .Where(r => r.Metadata.Tags.Contains("django") || r.Id.StartsWith("RDY11", StringComparison.Ordinal))
            .Select(r => r.Id).ToList();
        expected.ShouldContain("RDY1101");
        expected.ShouldNotContain("RDY1201");
        Load("by-tag.yaml").Rules.Select(r => r.Rule.Id).ShouldBe(expected);
    }

    [Theory]
    [InlineData("bad-syntax.yaml", 5, "YAML syntax error")]
    [InlineData("unknown-rule.yaml", 4, "unknown rule id 'RDY1999'")]
    [InlineData("unknown-key.yaml", 3, "unknown key 'severities'")]
    [InlineData("bad-severity.yaml", 4, "severity 'extreme' for RDY1101")]
    [InlineData("unknown-parameter.yaml", 5, "rule RDY1101 has no parameter 'max_debug'")]
    [InlineData("unknown-tag.yaml", 3, "no rule has the tag 'no-such-tag'")]
    [InlineData("empty-selection.yaml", 1, "selects no rules")]
    public void Mistakes_name_the_file_and_line(string fixture, int line, string message)
    {
        var error = Should.Throw<ConfigurationError>(() => Load(fixture));
        error.File.ShouldEndWith(fixture);
        error.Line.ShouldBe(line);
        error.Message.ShouldContain($"{fixture}:{line}: ");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Extends_cycle_is_an_error()
    {
        Should.Throw<ConfigurationError>(() => Load("cycle-a.yaml")).Message.ShouldContain("extends itself");
    }

    [Fact]
    public void Unknown_ruleset_name_lists_the_builtins()
    {
        Should.Throw<ConfigurationError>(() => Loader.Load("no-such-ruleset", TestPaths.Repo)).Message.ShouldContain("launch-readiness");
    }
}
