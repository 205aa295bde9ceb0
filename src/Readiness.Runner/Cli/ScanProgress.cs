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
    private readonly ITimer? timer;
    private readonly DateTimeOffset started;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private int files;
    private string stage = "reading files";
    private bool drawn;

    public ScanProgress(TextWriter stderr, bool terminal, TimeSpan? interval = null, TimeProvider? time = null)
    {
        this.stderr = stderr;
        this.terminal = terminal;
        this.time = time ?? TimeProvider.System;
        started = this.time.GetUtcNow();
        var every = interval ?? PlainInterval;
        if (!terminal) timer = this.time.CreateTimer(_ => PlainLine(), null, every, every);
    }

    /// <summary>The progress of this process's scan, or null when stderr is not this process's own (in-process callers).</summary>
    public static ScanProgress? ForConsole(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) ? new ScanProgress(stderr, terminal: !Console.IsErrorRedirected) : null;

    public void Files(int count)
    {
        lock (gate)
        {
            files = count;
            if (!terminal) return;
            stderr.Write($"\r\x1b[KReading files... {count:N0}");
            drawn = true;
        }
    }

    public void Stage(string what)
    {
        lock (gate)
        {
            stage = what;
            if (!terminal) return;
            stderr.Write($"\r\x1b[K{char.ToUpperInvariant(what[0])}{what[1..]}... ({files:N0} files read)");
            drawn = true;
        }
    }

    private void PlainLine()
    {
        lock (gate)
        {
            var seconds = (int)(time.GetUtcNow() - started).TotalSeconds;
            stderr.WriteLine($"readiness: still scanning ({stage}): {files:N0} files read, {seconds} s.");
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            if (drawn) stderr.Write("\r\x1b[K");
        }
    }
}
