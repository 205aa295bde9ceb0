using System.CommandLine;
using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Runner.Cli;
using Readiness.Runner.Configuration;
using Readiness.Runner.Suppressions;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Workflows;

/// <summary>readiness init, the composite action and the documented workflows: valid GitHub Actions YAML running real commands.</summary>
public sealed partial class CiIntegrationTests : IDisposable
{
    private readonly DirectoryInfo project = Directory.CreateTempSubdirectory("readiness-init-");

    public void Dispose() => project.Delete(recursive: true);

    public static TheoryData<string> WorkflowFiles() => new(Directory.GetFiles(Path.Combine(TestPaths.Repo, "docs", "workflows"), "*.yml").Select(Path.GetFileName).Order()!);

    [Fact]
    public void Init_writes_the_ruleset_the_suppressions_folder_and_the_workflows()
    {
        var run = CliRunner.Run("init", project.FullName, "--github-actions", "--action-ref", "acme/readiness@v1");
        run.ExitCode.ShouldBe(0, run.Stderr);

        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(null, project.FullName);
        ruleset.Source.ShouldEndWith(".readiness/ruleset.yaml");
        ruleset.Rules.Count.ShouldBe(new RulesetLoader(RuleCatalog.Default).Load("launch-readiness", project.FullName).Rules.Count);
        SuppressionPolicy.From(ruleset).ShouldBe(SuppressionPolicy.Default with { Source = SuppressionPolicy.From(ruleset).Source });
        Directory.Exists(Path.Combine(project.FullName, ".readiness", "suppressions")).ShouldBeTrue();

        foreach (var (source, target) in InitCommand.Workflows)
        {
            var written = File.ReadAllText(Path.Combine(project.FullName, target));
            written.ShouldBe(File.ReadAllText(Path.Combine(TestPaths.Repo, "docs", "workflows", source)).Replace(InitCommand.ActionPlaceholder, "acme/readiness@v1"));
            written.ShouldContain("uses: acme/readiness@v1");
        }

        var rulesetFile = Path.Combine(project.FullName, ".readiness", "ruleset.yaml");
        File.WriteAllText(rulesetFile, "name: ours\nextends: launch-readiness\n");
        var again = CliRunner.Run("init", project.FullName, "--github-actions");
        again.ExitCode.ShouldBe(0);
        again.Stdout.ShouldContain("Kept .readiness/ruleset.yaml (it exists; --force overwrites it)");
        File.ReadAllText(rulesetFile).ShouldBe("name: ours\nextends: launch-readiness\n");
        CliRunner.Run("init", project.FullName, "--force").ExitCode.ShouldBe(0);
        File.ReadAllText(rulesetFile).ShouldContain("max_suppression_days: 180");
        CliRunner.Run("scan", project.FullName, "--output-dir", Path.Combine(project.FullName, "out")).ExitCode.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Documented_workflows_are_valid_github_actions_running_real_commands(string file)
    {
        var root = Load(Path.Combine(TestPaths.Repo, "docs", "workflows", file));
        Scalar(root, "name").ShouldNotBeNullOrWhiteSpace();
        root.Children.ContainsKey(new YamlScalarNode("on")).ShouldBeTrue($"{file} has no 'on' trigger");
        var jobs = (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
        jobs.Children.Count.ShouldBeGreaterThan(0);
        foreach (var (name, jobNode) in jobs.Children)
        {
            var job = (YamlMappingNode)jobNode;
            Scalar(job, "runs-on").ShouldNotBeNullOrWhiteSpace($"job {name} has no runs-on");
            CheckSteps(file, (YamlSequenceNode)job.Children[new YamlScalarNode("steps")], composite: false);
        }
    }

    [Fact]
    public void The_action_is_a_valid_composite_action_running_real_commands()
    {
        var root = Load(Path.Combine(TestPaths.Repo, "action.yml"));
        Scalar(root, "name").ShouldNotBeNullOrWhiteSpace();
        Scalar(root, "description").ShouldNotBeNullOrWhiteSpace();
        var runs = (YamlMappingNode)root.Children[new YamlScalarNode("runs")];
        Scalar(runs, "using").ShouldBe("composite");
        var inputs = ((YamlMappingNode)root.Children[new YamlScalarNode("inputs")]).Children.Keys.Select(k => k.ToString()).ToHashSet();
        foreach (var required in new[] { "path", "aws-role", "urls", "fail-on" }) inputs.ShouldContain(required);
        CheckSteps("action.yml", (YamlSequenceNode)runs.Children[new YamlScalarNode("steps")], composite: true);

        var text = File.ReadAllText(Path.Combine(TestPaths.Repo, "action.yml"));
        foreach (Match used in InputReference().Matches(text)) inputs.ShouldContain(used.Groups[1].Value, "action.yml uses an undeclared input");
        // The gate and nightly workflows pass only inputs the action declares.
        foreach (var workflow in Directory.GetFiles(Path.Combine(TestPaths.Repo, "docs", "workflows"), "*.yml"))
        {
            var steps = ((YamlMappingNode)Load(workflow).Children[new YamlScalarNode("jobs")]).Children.Values
                .SelectMany(j => ((YamlSequenceNode)((YamlMappingNode)j).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>());
            foreach (var step in steps.Where(s => Scalar(s, "uses") == InitCommand.ActionPlaceholder && s.Children.ContainsKey(new YamlScalarNode("with"))))
                foreach (var key in ((YamlMappingNode)step.Children[new YamlScalarNode("with")]).Children.Keys) inputs.ShouldContain(key.ToString(), Path.GetFileName(workflow));
        }
    }

    [Fact]
    public void The_command_checker_catches_an_option_the_cli_does_not_have()
    {
        Should.Throw<Exception>(() => CheckCommands("test", "readiness scan . --no-such-option x"));
        Should.Throw<Exception>(() => CheckCommands("test", "args=(drift --from a)\nargs+=(--baseline b)\nreadiness \"${args[@]}\""));
        Should.Throw<Exception>(() => CheckCommands("test", "readiness scna ."));
        CheckCommands("test", "readiness drift --from \"$A\" \\\n  --to b --allow-missing-from");
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static void CheckSteps(string file, YamlSequenceNode steps, bool composite)
    {
        steps.Children.Count.ShouldBeGreaterThan(0);
        foreach (var step in steps.Children.Cast<YamlMappingNode>())
        {
            var uses = Scalar(step, "uses");
            var run = Scalar(step, "run");
            (uses is null ^ run is null).ShouldBeTrue($"{file}: a step needs exactly one of uses or run");
            if (uses is not null) uses.ShouldMatch(@"^([A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[A-Za-z0-9_.-]+|\./.*)$", $"{file}: bad uses '{uses}'");
            if (run is not null)
            {
                if (composite) Scalar(step, "shell").ShouldNotBeNull($"{file}: composite run steps need a shell");
                CheckCommands(file, run);
            }
        }
    }

    /// <summary>
    /// Every readiness command line in a script (a line starting with "readiness SUBCOMMAND", continuations joined, or a
    /// bash array "args=(SUBCOMMAND ...)" extended by "args+=(...)") must name a real command and only its options.
    /// </summary>
    private static void CheckCommands(string file, string script)
    {
        var root = ReadinessCli.BuildRoot(TextWriter.Null, TextWriter.Null);
        Command? arrayCommand = null;
        foreach (var raw in script.Replace("\\\n", " ").Split('\n'))
        {
            var line = raw.Trim();
            var tokens = Tokens(line);
            if (tokens.Count == 0) continue;
            if (tokens[0] == "readiness" && tokens.Count > 1 && !tokens[1].StartsWith('"'))
                CheckOptions(file, line, Resolve(root, tokens.Skip(1), file, line), tokens);
            else if (line.StartsWith("args=(", StringComparison.Ordinal))
            {
                var array = Tokens(line["args=(".Length..].TrimEnd(')'));
                arrayCommand = Resolve(root, array, file, line);
                CheckOptions(file, line, arrayCommand, array);
            }
            else if (line.Contains("args+=(", StringComparison.Ordinal))
            {
                arrayCommand.ShouldNotBeNull($"{file}: args+= before args=(");
                foreach (Match added in ArrayAppend().Matches(line)) CheckOptions(file, line, arrayCommand, Tokens(added.Groups[1].Value));
            }
        }
    }

    private static Command Resolve(Command root, IEnumerable<string> words, string file, string line)
    {
        var command = root;
        foreach (var word in words)
        {
            var sub = command.Subcommands.FirstOrDefault(c => c.Name == word);
            if (sub is null) break;
            command = sub;
        }
        (command != root).ShouldBeTrue($"{file}: '{line}' names no readiness command");
        return command;
    }

    private static void CheckOptions(string file, string line, Command command, IEnumerable<string> tokens)
    {
        var known = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var option in tokens.Where(t => t.StartsWith("--", StringComparison.Ordinal)).Select(t => t.Split('=')[0]))
            known.ShouldContain(option, $"{file}: 'readiness {command.Name}' has no option {option} (in: {line})");
    }

    private static List<string> Tokens(string line) => ShellWord().Matches(line).Select(m => m.Value).ToList();

    [GeneratedRegex(@"""[^""]*""|'[^']*'|[^\s""']+")]
    private static partial Regex ShellWord();

    [GeneratedRegex(@"args\+=\(([^)]*)\)")]
    private static partial Regex ArrayAppend();

    [GeneratedRegex(@"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex InputReference();
}
