using Readiness.Runner.Cli;

namespace Readiness.Tests.Support;

/// <summary>Runs the CLI in-process, capturing stdout, stderr and the exit code.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ReadinessCli.Run(args, stdout, stderr);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }
}
