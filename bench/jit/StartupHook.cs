using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// Loaded by the runtime before Main (DOTNET_STARTUP_HOOKS): listens to the runtime's JIT events and, when the
/// process exits, writes to stderr the methods JIT-ed, the time the runtime says it spent in the JIT, and the methods
/// that took longest from "jitting started" to "loaded" (wall time on the compiling thread, type loads included).
/// </summary>
internal static class StartupHook
{
    private static JitListener? listener;

    public static void Initialize()
    {
        listener = new JitListener();
        var top = int.TryParse(Environment.GetEnvironmentVariable("JIT_TOP"), out var n) ? n : 25;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // The listener receives events on a thread of its own, shortly after they happen.
            Thread.Sleep(300);
            var timed = listener.Timed.ToArray();
            Array.Sort(timed, (a, b) => b.Ms.CompareTo(a.Ms));
            Console.Error.WriteLine($"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms in the JIT");
            foreach (var timing in timed.Take(top)) Console.Error.WriteLine($"jit: {timing.Ms,7:F2} ms  {timing.Name}");
        };
    }
}

internal sealed record Timing(string Name, double Ms);

internal sealed class JitListener : EventListener
{
    private const EventKeywords Jit = (EventKeywords)0x10;
    // Reference types only, whose framework code is precompiled, so the hook itself adds few methods to the JIT's count.
    private readonly ConcurrentDictionary<string, object> started = new(StringComparer.Ordinal);

    public ConcurrentQueue<Timing> Timed { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, Jit);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || e.Payload is not { } payload || e.PayloadNames is not { } names) return;
        var id = names.IndexOf("MethodID");
        if (id < 0) return;
        var method = payload[id]?.ToString() ?? "";
        if (name.StartsWith("MethodJittingStarted", StringComparison.Ordinal)) started[method] = e.TimeStamp;
        else if (name.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) && started.TryRemove(method, out var start))
        {
            string Field(string field) => names.IndexOf(field) is var i and >= 0 ? payload[i]?.ToString() ?? "" : "";
            Timed.Enqueue(new Timing($"{Field("MethodNamespace")}::{Field("MethodName")}", (e.TimeStamp - (DateTime)start).TotalMilliseconds));
        }
    }
}
