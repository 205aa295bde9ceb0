using Readiness.Runner.Sources;

namespace Readiness.Runner.Cli;

/// <summary>
/// Shows that a long scan is alive, on stderr only: on a terminal a count redrawn in place; otherwise (CI logs) a
/// plain line every <see cref="PlainInterval"/>, so a log never sits silent but is not flooded either.
/// </summary>
public sealed class ScanProgress : IDisposable
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter stderr;
    private readonly bool terminal;
    private readonly int? width;
    private readonly ITimer? timer;
    private ITimer? redraw;
    private Func<CollectionCounts>? collecting;
    private readonly DateTimeOffset started;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private int files;
    private string stage = "reading files";
    private bool drawn;

    /// <param name="width">The terminal's width: a redrawn line longer than it would wrap, and the carriage return
    /// would then only clear its last row, leaving a trail of stale rows.</param>
    public ScanProgress(TextWriter stderr, bool terminal, TimeSpan? interval = null, TimeProvider? time = null, int? width = null)
    {
        this.stderr = stderr;
        this.terminal = terminal;
        this.width = width;
        this.time = time ?? TimeProvider.System;
        started = this.time.GetUtcNow();
        var every = interval ?? PlainInterval;
        if (!terminal) timer = this.time.CreateTimer(_ => PlainLine(), null, every, every);
    }

    /// <summary>The progress of this process's scan, or null with --quiet (only the verdict and gaps) or when stderr is
    /// not this process's own (in-process callers).</summary>
    public static ScanProgress? ForConsole(TextWriter stderr, bool quiet) =>
        !quiet && ReferenceEquals(stderr, Console.Error)
            ? new ScanProgress(stderr, terminal: !Console.IsErrorRedirected, width: Console.IsErrorRedirected ? null : Reporting.ConsoleStyle.TerminalWidth())
            : null;

    public void Files(int count)
    {
        lock (gate)
        {
            files = count;
            if (!terminal) return;
            Draw($"Reading files... {count:N0}");
        }
    }

    public void Stage(string what)
    {
        lock (gate)
        {
            stage = what;
            collecting = null;
            redraw?.Dispose();
            redraw = null;
            DrawStage();
        }
    }

    /// <summary>While the sources collect: what they have gathered so far, redrawn on a terminal, in the plain line otherwise.</summary>
    public void Collecting(string what, Func<CollectionCounts> counts)
    {
        lock (gate)
        {
            stage = what;
            collecting = counts;
            DrawStage();
            if (terminal) redraw = time.CreateTimer(_ => { lock (gate) if (collecting is not null) DrawStage(); }, null, RedrawInterval, RedrawInterval);
        }
    }

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    private void DrawStage()
    {
        if (!terminal) return;
        Draw($"{char.ToUpperInvariant(stage[0])}{stage[1..]}... ({Counts()})");
    }

    // One row, redrawn in place: cut one column short of the width so the cursor never wraps.
    private void Draw(string line)
    {
        if (width is { } columns && line.Length > columns - 1) line = line[..(columns - 4)] + "...";
        stderr.Write($"\r\x1b[K{line}");
        drawn = true;
    }

    /// <summary>"1,234 files read, 312 IaC resources, 48 AWS resources from 7 services, 1 HTTP target".</summary>
    private string Counts()
    {
        var parts = new List<string> { Plural(files, "file") + " read" };
        if (collecting?.Invoke() is { } c)
        {
            if (c.IacResources > 0) parts.Add(Plural(c.IacResources, "IaC resource"));
            if (c.AwsResources > 0) parts.Add($"{Plural(c.AwsResources, "AWS resource")} from {Plural(c.AwsServices, "service")}");
            if (c.HttpTargets > 0) parts.Add(Plural(c.HttpTargets, "HTTP target"));
        }
        return string.Join(", ", parts);
    }

    private static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private void PlainLine()
    {
        lock (gate)
        {
            var seconds = (int)(time.GetUtcNow() - started).TotalSeconds;
            stderr.WriteLine($"readiness: still scanning ({stage}): {Counts()}, {seconds} s.");
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        redraw?.Dispose();
        lock (gate)
        {
            if (drawn) stderr.Write("\r\x1b[K");
        }
    }
}
