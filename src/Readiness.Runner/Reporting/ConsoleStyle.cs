namespace Readiness.Runner.Reporting;

/// <summary>
/// How the console report is drawn: colour only on a terminal (never with NO_COLOR, --no-color or when piped), wrapped
/// at the terminal width (not when piped: CI logs and files keep one line per item), and --quiet.
/// </summary>
public sealed record ConsoleStyle
{
    public bool Color { get; init; }

    /// <summary>Columns to wrap at, on word boundaries; null for no wrapping.</summary>
    public int? Width { get; init; }

    /// <summary>Only the verdict line, gaps and engine errors.</summary>
    public bool Quiet { get; init; }

    public static ConsoleStyle Plain { get; } = new();

    /// <summary>The style for a writer: a terminal only when it is this process's own, unredirected stdout or stderr.</summary>
    public static ConsoleStyle For(TextWriter output, bool noColor = false, bool quiet = false)
    {
        var terminal = (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected);
        return new ConsoleStyle
        {
            Color = terminal && !noColor && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            Width = terminal ? TerminalWidth() : null,
            Quiet = quiet,
        };
    }

    // COLUMNS, when set, is what the user or the terminal says; a pseudo-terminal may report no size at all.
    public static int? TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40) return columns;
        try
        {
            return Console.WindowWidth >= 40 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
