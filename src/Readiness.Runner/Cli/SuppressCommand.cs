using System.CommandLine;
using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;
using Readiness.Runner.Suppressions;

namespace Readiness.Runner.Cli;

/// <summary>`readiness suppress RULE-ID --match ... --reason ... --owner ... --expires ...`: records an accepted risk.</summary>
public static class SuppressCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ruleId = new Argument<string>("rule-id") { Description = "The rule whose finding is accepted, e.g. RDY1101." };
        var match = new Option<string>("--match") { Description = "Path glob, resource id or ARN glob, or a finding fingerprint.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the risk is acceptable (shown in every report).", Required = true };
        var expires = new Option<string>("--expires") { Description = "Date (YYYY-MM-DD) from which the finding is back; at most the policy's max_suppression_days ahead.", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who owns the accepted risk (a team or person)." };
        var ticket = new Option<string?>("--ticket") { Description = "Tracking ticket, e.g. SEC-142." };
        var path = new Option<string>("--path") { Description = "The project folder (holding .readiness/).", DefaultValueFactory = _ => "." };
        var suppressions = new Option<string?>("--suppressions") { Description = "Folder of suppression files (default: .readiness/suppressions under --path)." };
        var ruleset = new Option<string?>("--ruleset") { Description = "Ruleset whose policy applies (default: .readiness/ruleset.yaml if present)." };

        var command = new Command("suppress", "Add an accepted risk to .readiness/suppressions/RULE-ID.yaml (created if needed; existing entries and comments are kept).")
        {
            ruleId, match, reason, expires, owner, ticket, path, suppressions, ruleset,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(ruleId)!.ToUpperInvariant();
            var root = parse.GetValue(path)!;
            // The project's ruleset knows its own rules (custom:) besides the shipped ones.
            var loaded = new RulesetLoader(RuleCatalog.Default).Load(parse.GetValue(ruleset), root);
            if (loaded.Catalog.Find(id) is null)
            {
                stderr.WriteLine($"readiness: unknown rule id '{id}'; run 'readiness rules' to list them.");
                return ReadinessCli.Failed;
            }
            var expiresText = parse.GetValue(expires)!;
            if (!DateOnly.TryParseExact(expiresText, SuppressionFiles.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresOn))
            {
                stderr.WriteLine($"readiness: --expires '{expiresText}' is not a date in the form YYYY-MM-DD.");
                return ReadinessCli.Failed;
            }
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            // A suppression that has already expired would silence nothing and read as an accepted risk.
            if (expiresOn < today)
                throw new UsageError($"--expires {expiresText} is in the past (today is {today:yyyy-MM-dd}); give the date until which the risk is accepted.");
            var folder = parse.GetValue(suppressions) ?? Path.Combine(root, SuppressionFiles.DefaultFolder);
            var file = Path.Combine(folder, id + ".yaml");
            if (!File.Exists(file) && File.Exists(Path.Combine(folder, id + ".yml"))) file = Path.Combine(folder, id + ".yml");
            try
            {
                var policy = SuppressionPolicy.From(loaded);
                var reader = new SuppressionFiles(loaded.Catalog, policy, today);
                var existing = File.Exists(file) ? File.ReadAllText(file) : null;
                var request = new SuppressionWriter.Request(parse.GetValue(match)!, parse.GetValue(reason)!, expiresOn, parse.GetValue(owner), parse.GetValue(ticket));
                var (text, line) = new SuppressionWriter(reader).Append(file, existing, request);
                Directory.CreateDirectory(folder);
                File.WriteAllText(file, text);
                stdout.WriteLine($"Added a suppression of {id} for '{request.Match}' until {expiresText} at {file}:{line}.");
                return ReadinessCli.Ready;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CommandError($"cannot write {file}: {ex.Message}", ex);
            }
        });
        return command;
    }
}
