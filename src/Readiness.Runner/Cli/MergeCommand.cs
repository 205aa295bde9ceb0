using System.CommandLine;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;
using Readiness.Runner.Reporting;
using Readiness.Runner.Results;
using Readiness.Runner.Results.Merge;
using Readiness.Runner.Scan;
using Readiness.Runner.Storage;

namespace Readiness.Runner.Cli;

/// <summary>
/// `readiness merge INPUT... --output-dir DIR`: the shards of one run (one scan per account) as one result, one verdict
/// and every report. An INPUT is a shard (a results.json, or the folder or s3:// prefix holding it) or a run folder whose
/// subfolders are the shards; with --accounts, a run folder's shards are INPUT/ACCOUNT/ (how s3:// run folders are read).
/// </summary>
public static class MergeCommand
{
    private static readonly string[] FormatNames = ["json", "sarif", "html", "md", "junit"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("input") { Description = "Shard results (results.json, its folder or s3:// prefix), or a run folder of shard folders.", Arity = ArgumentArity.OneOrMore };
        var accountsFile = new Option<string?>("--accounts") { Description = "The account list from 'readiness accounts --org --format json' (or the github-matrix line): every account in it needs one shard." };
        var outputDir = new Option<string>("--output-dir") { Description = "Folder for the merged reports, or s3://bucket/prefix.", DefaultValueFactory = _ => "readiness-report" };
        var format = new Option<string[]>("--format") { Description = "Comma-separated: json, sarif, html, md, junit (default: all).", AllowMultipleArgumentsPerToken = true };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that blocks the launch.", DefaultValueFactory = _ => "high" };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "none");
        var allowIncomplete = new Option<bool>("--allow-incomplete") { Description = "Do not fail for missing, failed, duplicate or mismatched shards and other gaps (they are still reported)." };
        var ruleset = new Option<string?>("--ruleset") { Description = "Ruleset whose gate policy (example roots) applies, as for scan (default: .readiness/ruleset.yaml if present, else launch-readiness)." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the console report." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the verdict line, coverage gaps and engine errors." };
        var command = new Command("merge", "Merge shard results (one scan per account) into one result with one verdict and every report.")
        {
            inputs, accountsFile, outputDir, format, failOn, allowIncomplete, ruleset, noColor, quiet,
        };
        command.SetAction(parse =>
        {
            var formats = (parse.GetValue(format) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (formats.Count == 0) formats = [.. FormatNames];
            if (formats.FirstOrDefault(f => !FormatNames.Contains(f)) is { } unknown)
                throw new UsageError($"unknown format '{unknown}'; available: {string.Join(", ", FormatNames)}.");
            var expected = parse.GetValue(accountsFile) is { } list ? ReadAccounts(list) : null;
            var locations = parse.GetValue(inputs)!;
            var shards = locations.SelectMany(l => Shards(l, expected)).ToList();
            var failOnText = parse.GetValue(failOn)!;
            var options = new ScanOptions
            {
                FailOn = failOnText == "none" ? null : Enum.Parse<Severity>(failOnText, ignoreCase: true),
                AllowIncomplete = parse.GetValue(allowIncomplete),
            };
            var gate = new RulesetLoader(RuleCatalog.Default).Load(parse.GetValue(ruleset), ".");
            var result = new ScanPipeline(options, gate).Decide(ResultsMerger.Merge(shards, expected, string.Join(" ", locations)));

            ConsoleReporter.Write(result, stdout, ConsoleStyle.For(stdout, parse.GetValue(noColor), parse.GetValue(quiet)));
            if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
                File.AppendAllText(summary, new MarkdownReporter().Render(result) + "\n");
            var output = parse.GetValue(outputDir)!;
            var context = new ReportContext(RuleCatalog.Default, "") { Warnings = stderr };
            try
            {
                ReportStore.WriteFolder(output, dir => Reporters.WriteAll(result, formats, dir, context));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CommandError($"cannot write reports to {output}: {ex.Message}", ex);
            }
            stdout.WriteLine($"Merged {Reporting.English.Count(result.Coverage.Counts.GetValueOrDefault(ResultsMerger.ShardCount), "shard")} covering {Reporting.English.Count(result.Accounts?.Count ?? 0, "account")}; reports written to {output}: {string.Join(", ", formats.Distinct().Select(f => Reporters.Find(f)!.FileName))}.");
            return result.Verdict.ExitCode;
        });
        return command;
    }

    private static IReadOnlyList<AccountSummary> ReadAccounts(string location)
    {
        var (display, text) = ReportStore.ReadText(location, "accounts.json");
        if (text is null) throw new UsageError($"--accounts '{display}' does not exist; write it with 'readiness accounts --org --format json'.");
        return AccountsCommand.Read(display, text).Select(a => new AccountSummary
        {
            Id = a.Id, Name = a.Name.Length == 0 ? null : a.Name, Role = a.RoleArn.Length == 0 ? null : a.RoleArn, Status = AccountStatus.Missing,
        }).ToList();
    }

    /// <summary>
    /// The shards one INPUT names, none read yet: itself when it holds results.json, else its subfolders (or, for S3,
    /// ACCOUNT/ under it for each expected account).
    /// </summary>
    private static IEnumerable<ShardSource> Shards(string location, IReadOnlyList<AccountSummary>? expected)
    {
        if (ReportStore.IsS3(location))
        {
            // Only reading tells whether an s3:// prefix holds results.json; what is read is dropped, and read again in its turn.
            var own = Read(location);
            if (own.Result is not null || own.Error is not null) return [Source(location)];
            if (expected is null)
                throw new UsageError($"{location} holds no results.json; to merge the shards under an s3:// run folder, give --accounts (they are read from {location.TrimEnd('/')}/ACCOUNT/).");
            // An account without results here is reported as missing by the merge, from the account list.
            return expected.Select(a => Source($"{location.TrimEnd('/')}/{a.Id}", a.Id)).ToList();
        }
        if (File.Exists(ReportStore.Locate(location, "results.json"))) return [Source(location)];
        if (!Directory.Exists(location)) throw new UsageError($"merge input '{location}' does not exist; give shard results or a run folder of shard folders.");
        // A run folder: every subfolder is a shard; one without results.json is a shard that failed before writing it.
        return Directory.EnumerateDirectories(location).Order(StringComparer.Ordinal).Select(folder =>
            Source(folder, Path.GetFileName(folder) is { Length: 12 } name && name.All(char.IsAsciiDigit) ? name : null, missingIsFailure: true)).ToList();
    }

    private static ShardSource Source(string location, string? accountHint = null, bool missingIsFailure = false) =>
        new(ReportStore.Locate(location, "results.json"), () =>
        {
            var shard = Read(location) with { AccountHint = accountHint };
            return missingIsFailure && shard.Result is null && shard.Error is null ? shard with { Error = "the folder has no results.json" } : shard;
        });

    private static Shard Read(string location)
    {
        string display;
        string? text;
        try
        {
            (display, text) = ReportStore.ReadText(location, "results.json");
        }
        catch (StorageError e)
        {
            return new Shard(e.Location, null, e.Message);
        }
        if (text is null) return new Shard(display, null);
        try
        {
            return new Shard(display, ResultsJson.Read(text));
        }
        catch (System.Text.Json.JsonException e)
        {
            return new Shard(display, null, "not a readiness results file: " + e.Message);
        }
    }
}
