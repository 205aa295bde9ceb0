namespace Readiness.Runner.Cli;

public static class ReadinessCli
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("readiness: the command line is being assembled");
        return 2;
    }
}
