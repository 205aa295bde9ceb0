namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-3: a stack trace in a response (a debug page is reported by RDY3011 instead, once).</summary>
public sealed class StackTraceDisclosed : ErrorLeakRule
{
    protected override ErrorLeak? Detect(string body) => ErrorLeaks.DebugPage(body) is null ? ErrorLeaks.StackTrace(body) : null;

    protected override string Advice =>
        "catch unhandled errors in a last-resort handler that logs the trace server-side and returns a generic message with a correlation id.";
}
