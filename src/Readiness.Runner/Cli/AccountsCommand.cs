using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Readiness.Runner.Sources.Aws;
using Readiness.Runner.Sources.Aws.Clients;
using Readiness.Runner.Sources.Aws.Services.Organizations;

namespace Readiness.Runner.Cli;

/// <summary>
/// `readiness accounts --org`: the active accounts of the AWS Organization with the role to assume in each, as a table,
/// as JSON (what `merge --accounts` reads to find missing shards), or as a GitHub Actions matrix for `strategy.matrix`.
/// </summary>
public static class AccountsCommand
{
    public const int AccountsSchemaVersion = 1;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var org = new OrgCommandOptions(shortFilterNames: true);
        var profile = new Option<string?>("--profile") { Description = "AWS profile of the management or delegated administrator account (default: the SDK credential chain)." };
        var endpointUrl = new Option<string?>("--endpoint-url") { Description = "Send every AWS call to this endpoint (an emulator such as moto)." };
        var format = new Option<string>("--format") { Description = "table, json, or github-matrix (one line: {\"include\":[{\"account\",\"name\",\"role\"}]}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "github-matrix");
        var command = new Command("accounts", "List the accounts of an AWS Organization to scan, with the role ARN to assume in each.")
        {
            profile, endpointUrl, format,
        };
        foreach (var option in org.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var scope = org.Read(parse) ?? throw new UsageError("accounts lists the accounts of an AWS Organization; add --org.");
            Uri? endpoint = null;
            if (parse.GetValue(endpointUrl) is { } text && (endpoint = AwsCollectOptions.ParseEndpoint(text)) is null)
                throw new UsageError($"--endpoint-url '{text}' is not an http(s) URL.");
            var accounts = ListAsync(scope, parse.GetValue(profile), endpoint).GetAwaiter().GetResult();
            if (accounts.Count == 0)
            {
                stderr.WriteLine("readiness: the organization lists no active account matching --include, --exclude and --ou.");
                return ReadinessCli.Failed;
            }
            stdout.Write(Render(accounts, scope.RoleName, parse.GetValue(format)!));
            return ReadinessCli.Ready;
        });
        return command;
    }

    private static async Task<IReadOnlyList<ScanAccount>> ListAsync(OrganizationScope scope, string? profile, Uri? endpoint)
    {
        ImmutableCredentials credentials;
        try
        {
            credentials = await AwsCredentials.ResolveAsync(profile, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonClientException or InvalidOperationException or AmazonServiceException)
        {
            throw new CommandError($"no AWS credentials could be resolved: {e.Message}", e);
        }
        using var http = new HttpClient();
        var session = new AwsSession(new AwsTransport(http), new AwsEndpoints(endpoint), credentials);
        try
        {
            return await OrganizationAccounts.ListAsync(new OrganizationsClient(session), scope, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AwsCallException e)
        {
            throw new CommandError($"organizations {e.Operation} failed ({e.Code}): {e.Detail}; run from the management account or a delegated administrator with organizations:ListAccounts.", e);
        }
    }

    public static string Render(IReadOnlyList<ScanAccount> accounts, string roleName, string format)
    {
        switch (format)
        {
            case "json":
                var list = new JsonObject
                {
                    ["schemaVersion"] = AccountsSchemaVersion,
                    ["roleName"] = roleName,
                    ["accounts"] = new JsonArray(accounts.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["name"] = a.Name, ["roleArn"] = a.RoleArn }).ToArray()),
                };
                return list.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
            case "github-matrix":
                // One line, so a step can write it to $GITHUB_OUTPUT as matrix=...
                var matrix = new JsonObject
                {
                    ["include"] = new JsonArray(accounts.Select(a => (JsonNode)new JsonObject { ["account"] = a.Id, ["name"] = a.Name, ["role"] = a.RoleArn }).ToArray()),
                };
                return matrix.ToJsonString() + "\n";
            default:
                var width = Math.Max(4, accounts.Max(a => a.Name.Length));
                var lines = accounts.Select(a => $"{a.Id}  {a.Name.PadRight(width)}  {a.RoleArn}").Prepend($"{"ACCOUNT",-12}  {"NAME".PadRight(width)}  ROLE");
                return string.Join("\n", lines) + $"\n{accounts.Count} account{(accounts.Count == 1 ? "" : "s")}.\n";
        }
    }

    /// <summary>
    /// Reads an account list: the JSON of `accounts --format json` or the github-matrix line (both name each account's id).
    /// Throws FormatException naming the file for anything else.
    /// </summary>
    public static IReadOnlyList<ScanAccount> Read(string path, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}:{(e.LineNumber ?? 0) + 1}: not an account list ({e.Message}); write it with 'readiness accounts --org --format json'.");
        }
        var items = root?["accounts"] as JsonArray ?? root?["include"] as JsonArray
            ?? throw new FormatException($"{path}: not an account list (no 'accounts' or 'include' array); write it with 'readiness accounts --org --format json'.");
        return items.Select((item, i) =>
        {
            var id = (item?["id"] ?? item?["account"])?.GetValue<string>();
            if (id is null || id.Length != 12 || !id.All(char.IsAsciiDigit))
                throw new FormatException($"{path}: account entry {i + 1} has no 12-digit 'id'.");
            return new ScanAccount(id, (item?["name"])?.GetValue<string>() ?? "", (item?["roleArn"] ?? item?["role"])?.GetValue<string>() ?? "");
        }).ToList();
    }
}
