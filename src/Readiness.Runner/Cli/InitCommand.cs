using System.CommandLine;
using System.Text.RegularExpressions;
using Readiness.Runner.Configuration;
using Readiness.Runner.Suppressions;

namespace Readiness.Runner.Cli;

/// <summary>
/// `readiness init [PATH]`: writes .readiness/ruleset.yaml (extends launch-readiness, with the policy spelled out), an
/// empty .readiness/suppressions/ folder and, with --github-actions, the gate and nightly workflows from docs/workflows.
/// Keeps files that exist unless --force.
/// </summary>
public static partial class InitCommand
{
    public const string ActionPlaceholder = "your-org/readiness@v0";

    public static readonly IReadOnlyDictionary<string, string> Workflows = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["readiness-gate.yml"] = ".github/workflows/readiness.yml",
        ["readiness-nightly.yml"] = ".github/workflows/readiness-nightly.yml",
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "The project folder.", DefaultValueFactory = _ => "." };
        var githubActions = new Option<bool>("--github-actions") { Description = "Also write the pre-launch gate and the nightly drift workflows to .github/workflows/." };
        var actionRef = new Option<string>("--action-ref") { Description = "How the workflows reference the Readiness action (owner/repo@ref).", DefaultValueFactory = _ => ActionPlaceholder };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var command = new Command("init", "Set a project up: .readiness/ruleset.yaml, .readiness/suppressions/ and optionally GitHub Actions workflows.")
        {
            path, githubActions, actionRef, force,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(path)!;
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"readiness: {root}: no such folder.");
                return ReadinessCli.Failed;
            }
            var reference = parse.GetValue(actionRef)!;
            if (!ActionRef().IsMatch(reference))
            {
                stderr.WriteLine($"readiness: --action-ref '{reference}' is not of the form owner/repo@ref.");
                return ReadinessCli.Failed;
            }
            var files = new List<(string Path, string Text)>
            {
                (RulesetLoader.ProjectRulesetPath, ProjectRuleset(Path.GetFileName(Path.GetFullPath(root)))),
                (SuppressionFiles.DefaultFolder + "/.gitkeep", ""),
            };
            if (parse.GetValue(githubActions))
                files.AddRange(Workflows.Select(w => (w.Value, Workflow(w.Key).Replace(ActionPlaceholder, reference, StringComparison.Ordinal))));

            // Existing files are the team's: kept unless --force, so init can add the workflows to a configured project.
            foreach (var (relative, text) in files)
            {
                var full = Path.Combine(root, relative);
                var shown = relative.Replace(".gitkeep", "", StringComparison.Ordinal);
                if (File.Exists(full) && !parse.GetValue(force))
                {
                    if (text.Length > 0) stdout.WriteLine($"Kept {shown} (it exists; --force overwrites it)");
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
                stdout.WriteLine($"Wrote {shown}");
            }
            stdout.WriteLine("Next: run 'readiness scan' here; accept a risk with 'readiness suppress RULE-ID --match ... --reason ... --expires YYYY-MM-DD'.");
            return ReadinessCli.Ready;
        });
        return command;
    }

    public static string Workflow(string name)
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("workflow:" + name)
            ?? throw new InvalidOperationException($"workflow {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ProjectRuleset(string name) => $"""
        # Readiness project ruleset (docs/workflows.md). It extends the built-in launch checklist; tune it here.
        name: {Regex.Replace(name, "[^A-Za-z0-9_.-]", "-")}
        extends: {RulesetLoader.DefaultName}

        # exclude:
        #   - RDY1101            # a rule that does not apply to this project
        # severity:
        #   RDY1102: medium      # a different severity for one rule

        {CustomExample}
        policy:
          # allow: `readiness-ignore RDY1234: reason` comments in code count; forbid: exceptions only in .readiness/suppressions/.
          inline_suppressions: allow
          # How far ahead a suppression may expire, so accepted risks come back for review.
          max_suppression_days: {SuppressionPolicy.DefaultMaxDays}

        """;

    /// <summary>
    /// One commented example of each kind of custom rule (docs/custom-rules.md). Removing the leading "# " of its lines
    /// gives a section that loads and works as it is; the tests do exactly that.
    /// </summary>
    public const string CustomExample = """
        # Your organisation's own rules (docs/custom-rules.md): remove the leading '# ' of these lines to start,
        # check them with 'readiness rules test', list the resource kinds with 'readiness rules schema'.
        # custom:
        #   prefix: ORG-
        #   secrets:
        #     - id: ORG-001
        #       title: Internal API token
        #       severity: high
        #       regex: '\b(?<secret>org_[a-z0-9]{32})\b'
        #       keywords: [org_]
        #       true_samples: ['api_token = "org_0123456789abcdef0123456789abcdef"']
        #       false_samples: ['api_token = "org_example"']
        #   resources:
        #     - id: ORG-101
        #       title: Every database and bucket names its owner
        #       severity: medium
        #       types: [aws_db_instance, aws_s3_bucket]
        #       condition: { has_tag: Owner }
        #       message: "{kind} {name} has no Owner tag; tag it with the team that owns it."
        #   files:
        #     - id: ORG-201
        #       title: No placeholder in production variables
        #       severity: high
        #       paths: ["**/production.tfvars"]
        #       regex: 'REPLACE_ME'
        #   http:
        #     - id: ORG-301
        #       title: Permissions-Policy is set
        #       severity: medium
        #       require_header: Permissions-Policy

        """;

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+$")]
    private static partial Regex ActionRef();
}
