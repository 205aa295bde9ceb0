using System.CommandLine;
using System.Text.Json.Nodes;
using Readiness.Runner.Drift;
using Readiness.Runner.Results;
using Readiness.Runner.Storage;

namespace Readiness.Runner.Cli;

/// <summary>`readiness drift --from OLD --to NEW`: what changed between two runs, as drift.md, drift.html and drift.json.</summary>
public static class DriftCommand
{
    public const string InventoryFileName = "aws-inventory.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string>("--from") { Description = "The older results.json, its folder, or s3://bucket/prefix.", Required = true };
        var to = new Option<string>("--to") { Description = "The newer results.json, its folder, or s3://bucket/prefix.", Required = true };
        var format = new Option<string[]>("--format") { Description = "Comma-separated: md, html, json (default: all three).", AllowMultipleArgumentsPerToken = true };
        var outputDir = new Option<string>("--output-dir") { Description = "Folder for drift.md/html/json, or s3://bucket/prefix.", DefaultValueFactory = _ => "readiness-drift" };
        var allowMissingFrom = new Option<bool>("--allow-missing-from") { Description = "When there are no older results yet (the first night), report every finding as new instead of failing." };
        var fromInventory = new Option<string?>("--from-inventory") { Description = $"The older AWS inventory (default: {InventoryFileName} beside --from, if there)." };
        var toInventory = new Option<string?>("--to-inventory") { Description = $"The newer AWS inventory (default: {InventoryFileName} beside --to, if there)." };

        var command = new Command("drift", "Compare two runs: new and fixed findings, expired suppressions, configuration changes of live AWS resources.")
        {
            from, to, format, outputDir, allowMissingFrom, fromInventory, toInventory,
        };
        command.SetAction(parse =>
        {
            var formats = (parse.GetValue(format) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (formats.Count == 0) formats = ["md", "html", "json"];
            if (formats.FirstOrDefault(f => !DriftWriters.FileNames.ContainsKey(f)) is { } unknown)
            {
                stderr.WriteLine($"readiness: unknown drift format '{unknown}'; available: md, html, json.");
                return ReadinessCli.Failed;
            }
            var fromLocation = parse.GetValue(from)!;
            var toLocation = parse.GetValue(to)!;
            var output = parse.GetValue(outputDir)!;
            try
            {
                var older = ReportStore.ReadResults(fromLocation);
                if (older is null && !parse.GetValue(allowMissingFrom))
                {
                    stderr.WriteLine($"readiness: --from {fromLocation}: no results.json there; pass --allow-missing-from for the first run.");
                    return ReadinessCli.Failed;
                }
                var newer = ReportStore.ReadResults(toLocation);
                if (newer is null)
                {
                    stderr.WriteLine($"readiness: --to {toLocation}: no results.json there.");
                    return ReadinessCli.Failed;
                }
                var (inventories, note) = Inventories(parse.GetValue(fromInventory) ?? ReportStore.Beside(fromLocation, InventoryFileName), parse.GetValue(fromInventory) is not null,
                    parse.GetValue(toInventory) ?? ReportStore.Beside(toLocation, InventoryFileName), parse.GetValue(toInventory) is not null, older is null);
                var report = DriftComparison.Compare(older, fromLocation, newer, toLocation, inventories, note);
                var written = ReportStore.WriteFolder(output, dir => DriftWriters.Write(report, formats, dir));
                stdout.WriteLine(report.Summary());
                foreach (var f in report.New) stdout.WriteLine($"  new    {f.Finding.RuleId}  {f.Finding.Location.Display()}");
                foreach (var f in report.Fixed) stdout.WriteLine($"  fixed  {f.Finding.RuleId}  {f.Finding.Location.Display()}");
                foreach (var e in report.ExpiredSuppressions) stdout.WriteLine($"  expired suppression  {e.Finding.Finding.RuleId}  {e.Finding.Finding.Location.Display()} (owner {e.Finding.ExpiredSuppression!.Owner ?? "unknown"})");
                foreach (var c in report.ResourceChanges) stdout.WriteLine($"  changed  {c.Describe()}");
                stdout.WriteLine($"Drift written to {written}: {string.Join(", ", formats.Distinct().Select(f => DriftWriters.FileNames[f]))}.");
                return ReadinessCli.Ready;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CommandError($"cannot write the drift report to {output}: {ex.Message}", ex);
            }
        });
        return command;
    }

    // An inventory named explicitly must exist; one looked for beside the results may be absent (a run without AWS).
    private static ((JsonArray, JsonArray)?, string?) Inventories(string fromPath, bool fromExplicit, string toPath, bool toExplicit, bool firstRun)
    {
        var (fromDisplay, fromText) = ReportStore.ReadText(fromPath, InventoryFileName);
        var (toDisplay, toText) = ReportStore.ReadText(toPath, InventoryFileName);
        if (fromText is null && fromExplicit) throw new StorageError(fromDisplay, "--from-inventory: no such inventory.");
        if (toText is null && toExplicit) throw new StorageError(toDisplay, "--to-inventory: no such inventory.");
        if (fromText is not null && toText is not null)
            return ((InventoryDiff.Resources(fromText, fromDisplay), InventoryDiff.Resources(toText, toDisplay)), null);
        var note = (fromText, toText) switch
        {
            (null, null) => $"Neither run includes an AWS inventory ({InventoryFileName} beside results.json), so configuration changes of live resources were not compared.",
            (null, _) when firstRun => "There is no older run, so configuration changes of live resources start being compared from the next run.",
            (null, _) => $"The older run has no AWS inventory ({fromDisplay}), so configuration changes of live resources were not compared.",
            _ => $"The newer run has no AWS inventory ({toDisplay}), so configuration changes of live resources were not compared.",
        };
        return (null, note);
    }
}
