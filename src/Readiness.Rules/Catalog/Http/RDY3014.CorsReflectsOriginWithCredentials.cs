using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: CORS that trusts whatever Origin asks, with credentials, lets any site act as the logged-in user.</summary>
public sealed class CorsReflectsOriginWithCredentials : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var exchange = target.Answered.FirstOrDefault(e =>
            e.Purpose is HttpPurposes.CorsPreflight or HttpPurposes.CorsGet && ReflectsWithCredentials(e));
        if (exchange is null) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{exchange.FinalUrl} answers a request from the foreign origin {HttpPurposes.ForeignOrigin} with that origin in Access-Control-Allow-Origin and Access-Control-Allow-Credentials: true, so any website can read responses with the user's cookies; allow only an explicit list of trusted origins.",
            $"Access-Control-Allow-Origin: {exchange.Header("Access-Control-Allow-Origin")}\nAccess-Control-Allow-Credentials: {exchange.Header("Access-Control-Allow-Credentials")}",
            "cors-reflect", Props(exchange));
    }

    /// <summary>True when the response reflects the probe's foreign Origin (or "null") and allows credentials.</summary>
    public static bool ReflectsWithCredentials(HttpExchange exchange)
    {
        var origin = exchange.Header("Access-Control-Allow-Origin")?.Trim();
        var credentials = exchange.Header("Access-Control-Allow-Credentials")?.Trim();
        return (string.Equals(origin, HttpPurposes.ForeignOrigin, StringComparison.OrdinalIgnoreCase) || origin == "null")
            && string.Equals(credentials, "true", StringComparison.OrdinalIgnoreCase);
    }
}
