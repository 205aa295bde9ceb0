using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>TRACE echoes the request back, headers included; it has no use on a production site.</summary>
public sealed class TraceEnabled : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var trace = target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.Trace);
        var marker = trace?.RequestHeaders.FirstOrDefault(h => h.Key == HttpPurposes.TraceMarkerHeader).Value;
        if (trace is not { Status: 200 } || string.IsNullOrEmpty(marker) || !trace.BodyExcerpt.Contains(marker, StringComparison.Ordinal)) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{trace.FinalUrl} answers TRACE by echoing the request, headers included, which helps scripts read cookies and tokens they should not see (cross-site tracing); reject TRACE at the web server or load balancer.",
            $"TRACE {trace.Url} -> HTTP 200 echoing {HttpPurposes.TraceMarkerHeader}: {marker}", "trace", Props(trace));
    }
}
