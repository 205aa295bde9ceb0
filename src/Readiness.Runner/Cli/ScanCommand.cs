using System.CommandLine;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Runner.Scan;
using Readiness.Runner.Sources.Http;
using Readiness.Runner.Storage;

namespace Readiness.Runner.Cli;

/// <summary>`readiness scan [PATH]`: collect, judge, report, and answer with the exit code.</summary>
public static class ScanCommand
{
    private static readonly string[] FormatNames = ["json", "sarif", "html", "md", "junit"];
    private static readonly string[] StdoutFormats = ["json", "sarif", "md", "junit"];

    /// <summary>
    /// Builds the rule catalog and the shipped secret detectors on threads of their own while the main thread parses
    /// the command line: start-up is otherwise one thread's work (tens of milliseconds of YAML, type loading and JIT
    /// each) with the other cores idle. What they build is what the scan would build on first use; a failure here is
    /// left for that first use to report.
    /// </summary>
    public static void WarmUp()
    {
        Start(() => _ = RuleCatalog.Default);
        Start(() => _ = Readiness.Rules.Secrets.DetectorSet.Shipped);

        static void Start(Action build) => new Thread(() =>
        {
            try { build(); }
            catch (Exception) { /* the scan meets the same failure on first use, and reports it there */ }
        }) { IsBackground = true, Name = "readiness warm-up" }.Start();
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Folder (or one file) to scan.", DefaultValueFactory = _ => "." };
        var ruleset = new Option<string?>("--ruleset") { Description = "Ruleset name or YAML file (default: .readiness/ruleset.yaml if present, else launch-readiness)." };
        var format = new Option<string[]>("--format")
        {
            Description = "Report files to write besides the console: a comma-separated list of json, sarif, html, md, junit.",
            AllowMultipleArgumentsPerToken = true,
        };
        var stdoutFormat = new Option<string?>("--stdout")
        {
            Description = "Write one report to standard output for piping (json, sarif, md or junit); the console report then goes to standard error.",
        };
        stdoutFormat.AcceptOnlyFromAmong(StdoutFormats);
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the console report (also when NO_COLOR is set or output is piped)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the verdict line, coverage gaps and engine errors." };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out paths matching this glob (repeatable; .gitignore syntax, relative to PATH); listed in coverage as skipped by policy." };
        var outputDir = new Option<string>("--output-dir") { Description = "Folder for report files, or s3://bucket/prefix.", DefaultValueFactory = _ => "readiness-report" };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that blocks the launch.", DefaultValueFactory = _ => "high" };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "none");
        var allowIncomplete = new Option<bool>("--allow-incomplete") { Description = "Do not fail the scan for coverage gaps (they are still reported)." };
        var sarifIncludeSuppressed = new Option<bool>("--sarif-include-suppressed")
        {
            Description = "Keep suppressed findings in results.sarif, marked as suppressed (GitHub code scanning ignores the mark and opens them as alerts).",
        };
        var maxFileSize = new Option<int>("--max-file-size") { Description = "Skip files larger than this many MB (listed in coverage).", DefaultValueFactory = _ => 5 };
        var url = new Option<string[]>("--url") { Description = "A live HTTP(S) endpoint to probe for security headers and error leaks (repeatable; see docs/http.md)." };
        var insecure = new Option<bool>("--insecure") { Description = "Accept TLS certificates that do not validate (staging with self-signed certificates); shown in every report." };
        var httpTimeout = new Option<double?>("--http-timeout") { Description = "Seconds each HTTP request may take (default 10)." };
        var httpConcurrency = new Option<int?>("--http-concurrency") { Description = "HTTP targets probed at the same time (default 4)." };
        var httpBudget = new Option<int?>("--http-request-budget") { Description = "Most requests sent to one HTTP target, redirects included (default 20)." };
        var httpRedirects = new Option<int?>("--http-max-redirects") { Description = "Redirects followed per request (default 5)." };
        var suppressions = new Option<string?>("--suppressions") { Description = "Folder of per-rule suppression files (RDY1234.yaml) or one such file (default: .readiness/suppressions under the scanned folder)." };
        var baseline = new Option<string?>("--baseline") { Description = "A previous results.json, its folder, or s3://bucket/prefix: mark findings new or unchanged and list the fixed ones." };
        var allowMissingBaseline = new Option<bool>("--allow-missing-baseline") { Description = "When the baseline does not exist yet (the first run), treat every finding as new instead of failing." };
        var failOnNew = new Option<bool>("--fail-on-new") { Description = "Block only on findings that are new against --baseline." };

        var awsLive = new Option<bool>("--aws") { Description = "Also read live AWS accounts (read-only; see --profile, --role-arn, --regions)." };
        var awsInventory = new Option<string[]>("--aws-inventory") { Description = "Judge a recorded AWS inventory (from 'readiness collect aws') instead of live AWS." };
        var aws = new AwsCommandOptions();
        var varFile = new Option<string[]>("--var-file")
        {
            Description = "Terraform variables file to apply (repeatable), after terraform.tfvars and *.auto.tfvars, as terraform -var-file does.",
        };
        var terraformPlan = new Option<string[]>("--terraform-plan")
        {
            Description = "Terraform plan JSON (terraform show -json plan.out > plan.json) to judge with exact values (repeatable).",
        };

        var command = new Command("scan", "Scan a folder (and optionally live AWS and HTTP endpoints) and decide whether it is ready to launch.")
        {
            path, ruleset, format, stdoutFormat, noColor, quiet, exclude, outputDir, failOn, allowIncomplete, sarifIncludeSuppressed, maxFileSize, suppressions, baseline, allowMissingBaseline, failOnNew,
            url, insecure, httpTimeout, httpConcurrency, httpBudget, httpRedirects,
            awsLive, awsInventory,
            varFile, terraformPlan,
        };
        foreach (var option in aws.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var formats = (parse.GetValue(format) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var unknown = formats.FirstOrDefault(f => !FormatNames.Contains(f) || Reporters.Find(f) is null);
            if (unknown is not null)
            {
                stderr.WriteLine($"readiness: unknown format '{unknown}'; available: {string.Join(", ", Reporters.All.Select(r => r.Format))}.");
                return ReadinessCli.Failed;
            }
            if (parse.GetValue(failOnNew) && parse.GetValue(baseline) is null)
            {
                stderr.WriteLine("readiness: --fail-on-new needs --baseline (the previous results to compare with).");
                return ReadinessCli.Failed;
            }
            var (awsOptions, awsError) = aws.Read(parse);
            if (awsOptions is null) throw new UsageError(awsError!);
            if (awsOptions.Organization is not null && !parse.GetValue(awsLive)) throw new UsageError("--org reads live AWS accounts; add --aws.");
            var failOnText = parse.GetValue(failOn)!;
            var options = new ScanOptions
            {
                Path = parse.GetValue(path)!,
                Ruleset = parse.GetValue(ruleset),
                Formats = formats,
                OutputDir = parse.GetValue(outputDir)!,
                StdoutFormat = parse.GetValue(stdoutFormat),
                Excludes = parse.GetValue(exclude) ?? [],
                NoColor = parse.GetValue(noColor),
                Quiet = parse.GetValue(quiet),
                FailOn = failOnText == "none" ? null : Enum.Parse<Severity>(failOnText, ignoreCase: true),
                AllowIncomplete = parse.GetValue(allowIncomplete),
                SarifIncludeSuppressed = parse.GetValue(sarifIncludeSuppressed),
                StepSummaryPath = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary ? summary : null,
                MaxFileBytes = (long)parse.GetValue(maxFileSize) * 1024 * 1024,
                Urls = parse.GetValue(url) ?? [],
                Insecure = parse.GetValue(insecure),
                HttpLimits = new HttpProbeLimits
                {
                    TimeoutSeconds = parse.GetValue(httpTimeout),
                    Concurrency = parse.GetValue(httpConcurrency),
                    RequestBudget = parse.GetValue(httpBudget),
                    MaxRedirects = parse.GetValue(httpRedirects),
                },
                AwsLive = parse.GetValue(awsLive) ? awsOptions : null,
                AwsInventories = parse.GetValue(awsInventory) ?? [],
                Suppressions = parse.GetValue(suppressions),
                Baseline = parse.GetValue(baseline),
                AllowMissingBaseline = parse.GetValue(allowMissingBaseline),
                FailOnNew = parse.GetValue(failOnNew),
                VarFiles = parse.GetValue(varFile) ?? [],
                TerraformPlans = parse.GetValue(terraformPlan) ?? [],
            };
            Validate(options, parse.GetValue(allowMissingBaseline));
            return Execute(options, stdout, stderr);
        });
        return command;
    }

    /// <summary>Arguments that cannot work fail before any scanning, naming the argument (exit 2).</summary>
    public static void Validate(ScanOptions options, bool allowMissingBaseline = false)
    {
        if (!Directory.Exists(options.Path) && !File.Exists(options.Path))
            throw new UsageError($"PATH '{options.Path}' does not exist; give the folder or file to scan.");
        foreach (var (name, files) in new[] { ("--var-file", options.VarFiles), ("--terraform-plan", options.TerraformPlans), ("--aws-inventory", options.AwsInventories) })
            foreach (var file in files.Where(f => !File.Exists(f)))
                throw new UsageError($"{name} '{file}' does not exist.");
        if (options.Suppressions is { } suppressions && !Directory.Exists(suppressions) && !File.Exists(suppressions))
            throw new UsageError($"--suppressions '{suppressions}' does not exist; give a folder of RDYnnnn.yaml files or one such file.");
        if (allowMissingBaseline && options.Baseline is null)
            throw new UsageError("--allow-missing-baseline needs --baseline (where the previous results will be).");
        if (options.AwsLive is not null && options.AwsInventories.Count > 0)
            throw new UsageError("--aws and --aws-inventory both name the AWS evidence; give one of them.");
    }

    public static int Execute(ScanOptions options, TextWriter stdout, TextWriter stderr)
    {
        options = WithProjectSettings(options, stderr);
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load(options.Ruleset, options.Path);
        ScanResult result;
        using (var progress = ScanProgress.ForConsole(stderr, options.Quiet))
            result = new ScanPipeline(options, ruleset).RunAsync(progress is null ? null : progress.Files, stage: progress is null ? null : progress.Stage,
                collecting: progress is null ? null : progress.Collecting).GetAwaiter().GetResult();

        // With --stdout the report is the output, and everything for people goes to stderr.
        var human = options.StdoutFormat is null ? stdout : stderr;
        foreach (var warning in result.Warnings) stderr.WriteLine(ConsoleText.Escape($"readiness: warning: {warning.Source}: {warning.Message}"));
        ConsoleReporter.Write(result, human, ConsoleStyle.For(human, options.NoColor, options.Quiet));
        if (options.StdoutFormat is { } piped) WriteToStdout(result, piped, options, ruleset.Catalog, stdout, stderr);
        if (options.StepSummaryPath is not null) AppendStepSummary(result, options.StepSummaryPath, stderr);
        if (options.Formats.Count > 0)
        {
            var context = new ReportContext(ruleset.Catalog, ReportContext.FindSourceRootPrefix(options.Path))
            {
                SarifIncludeSuppressed = options.SarifIncludeSuppressed,
                Warnings = stderr,
            };
            try
            {
                ReportStore.WriteFolder(options.OutputDir, dir =>
                {
                    Reporters.WriteAll(result, options.Formats, dir, context);
                    // The judged inventory travels with the results, so 'readiness drift' can compare live configuration.
                    if (options.AwsInventories.Count == 1) File.Copy(options.AwsInventories[0], Path.Combine(dir, DriftCommand.InventoryFileName), overwrite: true);
                });
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StorageError)
            {
                throw new CommandError($"cannot write reports to {options.OutputDir}: {ex.Message}", ex);
            }
            human.WriteLine($"Reports written to {options.OutputDir}: {string.Join(", ", options.Formats.Select(f => Reporters.Find(f)!.FileName))}.");
        }
        return result.Verdict.ExitCode;
    }

    // GitHub Actions shows this file on the run's page. Failing to write it must not change the verdict.
    private static void AppendStepSummary(ScanResult result, string path, TextWriter stderr)
    {
        try
        {
            File.AppendAllText(path, new MarkdownReporter().Render(result) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"readiness: warning: cannot append the summary to GITHUB_STEP_SUMMARY ({path}): {ex.Message}");
        }
    }

    /// <summary>A subfolder (or file) scan uses the nearest parent's .readiness/ up to the repository root, and says so.</summary>
    private static ScanOptions WithProjectSettings(ScanOptions options, TextWriter stderr)
    {
        if (ProjectSettings.Find(options.Path) is not { } project || Path.GetFullPath(options.Path) == project) return options;
        var ruleset = Path.Combine(project, RulesetLoader.ProjectRulesetPath);
        var suppressions = Path.Combine(project, Suppressions.SuppressionFiles.DefaultFolder);
        var used = new List<string>();
        if (options.Ruleset is null && File.Exists(ruleset))
        {
            options = options with { Ruleset = ruleset };
            used.Add(ruleset);
        }
        if (options.Suppressions is null && Directory.Exists(suppressions))
        {
            options = options with { Suppressions = suppressions };
            used.Add(suppressions);
        }
        if (used.Count > 0) stderr.WriteLine(ConsoleText.Escape($"readiness: using the project's settings from {string.Join(" and ", used)}."));
        return options;
    }

    private static void WriteToStdout(ScanResult result, string format, ScanOptions options, RuleCatalog catalog, TextWriter stdout, TextWriter stderr)
    {
        var context = new ReportContext(catalog, ReportContext.FindSourceRootPrefix(options.Path))
        {
            SarifIncludeSuppressed = options.SarifIncludeSuppressed,
            Warnings = stderr,
        };
        using var buffer = new MemoryStream();
        Reporters.Find(format)!.Write(result, context, buffer);
        stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.Flush();
    }
}
