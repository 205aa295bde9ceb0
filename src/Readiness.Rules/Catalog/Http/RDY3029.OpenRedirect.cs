using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// The page redirects to the value of one of its query parameters, and with that value set to a foreign URL it
/// redirects there: anyone can send users to a phishing page through this site's own link.
/// </summary>
public sealed class OpenRedirect : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var probe = target.Answered.FirstOrDefault(e => e.Purpose == HttpPurposes.OpenRedirect);
        var location = probe?.Hops.FirstOrDefault()?.To ?? probe?.RedirectLocation;
        if (probe is null || location is null || !location.StartsWith(HttpPurposes.ForeignOrigin, StringComparison.OrdinalIgnoreCase)) yield break;
        // The probe replaced one parameter's value with the foreign URL: that is the parameter that redirects.
        var parameter = new Uri(probe.Url).Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .FirstOrDefault(kv => kv.Length == 2 && Uri.UnescapeDataString(kv[1]).StartsWith(HttpPurposes.ForeignOrigin, StringComparison.Ordinal))?[0] ?? "?";
        yield return context.AtEndpoint(target.Url,
            $"{target.Url} redirects to whatever its '{parameter}' parameter says: with {parameter}={HttpPurposes.ForeignOrigin}/ it sends the browser to {location}, so anyone can use this site's links to send users to a phishing page; redirect only to relative paths or an allow-list of hosts.",
            $"GET {probe.Url}\nHTTP {probe.Hops.FirstOrDefault()?.Status ?? probe.Status} Location: {location}", "open-redirect:" + parameter,
            Props(probe, ("parameter", parameter)));
    }
}
