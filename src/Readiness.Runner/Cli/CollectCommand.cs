using System.CommandLine;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Runner.Cli;

/// <summary>`readiness collect aws -o inventory.json`: record live AWS accounts as an inventory to judge later.</summary>
public static class CollectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var aws = new AwsCommandOptions();
        var output = new Option<string>("--output", "-o") { Description = "Where to write the inventory (JSON).", Required = true };
        var allowIncomplete = new Option<bool>("--allow-incomplete") { Description = "Exit 0 even when some services or regions could not be read (they are recorded as gaps)." };
        var awsCommand = new Command("aws", "Read live AWS accounts (read-only) and record them as an inventory snapshot.") { output, allowIncomplete };
        foreach (var option in aws.All) awsCommand.Options.Add(option);
        awsCommand.SetAction(parse =>
        {
            var (options, error) = aws.Read(parse);
            if (options is null) throw new UsageError(error!);
            return Execute(options, parse.GetValue(output)!, parse.GetValue(allowIncomplete), stdout, stderr);
        });
        return new Command("collect", "Record evidence for later scans.") { awsCommand };
    }

    public static int Execute(AwsCollectOptions options, string output, bool allowIncomplete, TextWriter stdout, TextWriter stderr)
    {
        using var http = new HttpClient();
        var started = DateTimeOffset.UtcNow;
        var collector = new AwsCollector(options, http);
        var collection = collector.CollectAsync(CancellationToken.None).GetAwaiter().GetResult();
        var snapshot = new AwsInventoryFile.Snapshot
        {
            CollectedAt = started,
            Accounts = collection.Accounts.Order(StringComparer.Ordinal).ToList(),
            Regions = collection.Regions.Order(StringComparer.Ordinal).ToList(),
            ApiCalls = collector.Transport.TotalCalls,
            ApiCallsByOperation = new SortedDictionary<string, long>(collector.Transport.Calls.ToDictionary(), StringComparer.Ordinal),
            Gaps = collection.Coverage.Gaps.OrderBy(g => g.Scope, StringComparer.Ordinal).ToList(),
            Resources = collection.Resources.OrderBy(r => r.Provenance.Arn ?? r.Id, StringComparer.Ordinal).ToList(),
        };
        try
        {
            AwsInventoryFile.Save(output, snapshot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandError($"cannot write {output}: {e.Message}", e);
        }
        var elapsed = DateTimeOffset.UtcNow - started;
        stdout.WriteLine($"Recorded {Reporting.English.Count(snapshot.Resources.Count, "resource")} from {Reporting.English.Count(snapshot.Accounts.Count, "account")} in {Reporting.English.Count(snapshot.Regions.Count, "region")} to {output} ({Reporting.English.Count(snapshot.ApiCalls, "API call")}, {elapsed.TotalSeconds:0.0} s).");
        foreach (var gap in snapshot.Gaps) stderr.WriteLine("Could not look at " + gap.Display());
        if (snapshot.Gaps.Count == 0) return ReadinessCli.Ready;
        stderr.WriteLine(allowIncomplete
            ? $"{Reporting.English.Count(snapshot.Gaps.Count, "coverage gap")} recorded (--allow-incomplete)."
            : $"INCOMPLETE: {Reporting.English.Count(snapshot.Gaps.Count, "coverage gap")}; the inventory is written but a scan of it will fail closed. Fix the permissions (docs/aws.md) or pass --allow-incomplete.");
        return allowIncomplete ? ReadinessCli.Ready : ReadinessCli.Failed;
    }
}
