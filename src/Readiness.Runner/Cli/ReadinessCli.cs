using System.CommandLine;

namespace Readiness.Runner.Cli;

/// <summary>
/// The command line. Its contract is relied on by users' CI: exit 0 ready, 1 not ready, 2 the scan failed or could
/// not look (bad configuration or arguments included).
/// </summary>
public static class ReadinessCli
{
    public const int Ready = 0;
    public const int NotReady = 1;
    public const int Failed = 2;

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = BuildRoot(stdout, stderr).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"readiness: {error.Message}");
            stderr.WriteLine("Run 'readiness --help' for usage.");
            return Failed;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>Every command and option; also what the tests check the documented workflows' commands against.</summary>
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Readiness: is this ready to launch? Judges code, infrastructure as code, live AWS and HTTP endpoints against launch checklists.");
        root.Subcommands.Add(ScanCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));
        root.Subcommands.Add(CollectCommand.Create(stdout, stderr));
        root.Subcommands.Add(SuppressCommand.Create(stdout, stderr));
        root.Subcommands.Add(DriftCommand.Create(stdout, stderr));
        root.Subcommands.Add(NotifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        return root;
    }
}
