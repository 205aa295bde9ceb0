using System.CommandLine;
using System.CommandLine.Parsing;
using Readiness.Runner.Configuration;
using Readiness.Runner.Reporting;
using Readiness.Runner.Storage;

namespace Readiness.Runner.Cli;

/// <summary>
/// The command line. Its contract is relied on by users' CI: exit 0 ready, 1 not ready, 2 the scan failed or could
/// not look (bad configuration or arguments included, and any crash: never the library's exit 1).
/// </summary>
public static class ReadinessCli
{
    public const int Ready = 0;
    public const int NotReady = 1;
    public const int Failed = 2;

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The one error wrapper of every command: whatever escapes a command is exit 2 with one line on stderr.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args is ["scan", ..]) ScanCommand.WarmUp();
            var parse = BuildRoot(stdout, stderr).Parse(args);
            var errors = MistypedOption(parse) is { } mistyped ? [mistyped] : parse.Errors.Select(e => e.Message).ToList();
            if (errors.Count > 0)
            {
                foreach (var error in errors) stderr.WriteLine($"readiness: {error}");
                stderr.WriteLine("Run 'readiness --help' for usage.");
                return Failed;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageError error)
        {
            stderr.WriteLine($"readiness: {OneLine(error.Message)}");
            stderr.WriteLine("Run 'readiness --help' for usage.");
            return Failed;
        }
        catch (Exception error)
        {
            stderr.WriteLine($"readiness: {Describe(error)}");
            return Failed;
        }
    }

    /// <summary>A failure as one line: known ones say what to fix (they name file and line), anything else is a crash.</summary>
    public static string Describe(Exception error) => error switch
    {
        ConfigurationError or StorageError or CommandError or FormatException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException
            => OneLine(error.Message),
        _ => $"internal error ({error.GetType().Name}: {OneLine(error.Message)}); nothing was decided. Please report this with the command you ran.",
    };

    private static string OneLine(string text) => ConsoleText.Escape(text.ReplaceLineEndings(" "));

    /// <summary>
    /// A mistyped flag (`--allow-incomplet samples/x`) is taken by the parser as the PATH argument, and the error then
    /// blames the next token; name the flag itself, with the closest known one.
    /// </summary>
    private static string? MistypedOption(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var asArguments = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value);
        var flag = asArguments.Concat(parse.UnmatchedTokens).FirstOrDefault(t => t.Length > 1 && t.StartsWith('-') && t != "--");
        if (flag is null) return null;
        var known = command.Options.Concat(parse.RootCommandResult.Command.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToList();
        var name = flag.Split('=')[0];
        var closest = Closest(name, known);
        return $"unknown option '{name}' for '{command.Name}'" + (closest is null ? "." : $"; did you mean '{closest}'?");
    }

    /// <summary>The known name nearest to a mistyped one, when it is near enough to be what was meant.</summary>
    internal static string? Closest(string name, IEnumerable<string> known) =>
        known.Select(k => (Name: k, Distance: Distance(name, k))).Where(k => k.Distance <= Math.Max(2, name.Length / 4)).OrderBy(k => k.Distance).FirstOrDefault().Name;

    // Levenshtein distance, small strings only.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }

    /// <summary>Every command and option; also what the tests check the documented workflows' commands against.</summary>
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Readiness: is this ready to launch? Judges code, infrastructure as code, live AWS and HTTP endpoints against launch checklists.");
        root.Subcommands.Add(ScanCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));
        root.Subcommands.Add(CollectCommand.Create(stdout, stderr));
        root.Subcommands.Add(AccountsCommand.Create(stdout, stderr));
        root.Subcommands.Add(MergeCommand.Create(stdout, stderr));
        root.Subcommands.Add(SuppressCommand.Create(stdout, stderr));
        root.Subcommands.Add(DriftCommand.Create(stdout, stderr));
        root.Subcommands.Add(NotifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        return root;
    }
}

/// <summary>A wrong argument, found before any work: exit 2, the message names the argument.</summary>
public sealed class UsageError(string message) : Exception(message);

/// <summary>A command could not do its work for a reason the user can fix (the message says which and where): exit 2.</summary>
public sealed class CommandError(string message, Exception? inner = null) : Exception(message, inner);
