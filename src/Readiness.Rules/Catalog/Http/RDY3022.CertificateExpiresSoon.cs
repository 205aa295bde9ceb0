using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>A valid certificate that runs out within the parameterised number of days (default 30).</summary>
public sealed class CertificateExpiresSoon : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var certificate = target.Certificate;
        if (certificate is null || certificate.NotAfter <= context.Now || certificate.NotBefore > context.Now) yield break; // RDY3023 names those.
        var days = context.Int("min_days_left");
        var left = certificate.NotAfter - context.Now;
        if (left >= TimeSpan.FromDays(days)) yield break;
        var date = certificate.NotAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var inDays = (int)Math.Floor(left.TotalDays);
        yield return context.AtEndpoint(target.Url,
            $"The TLS certificate of {new Uri(target.Url).Host} ({certificate.Subject}) expires on {date}, in {(inDays == 0 ? "less than a day" : $"{inDays} day{(inDays == 1 ? "" : "s")}")}, under the {days} days required; renew it now and check that automatic renewal works.",
            $"Not after: {date}", "certificate-expiry",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["notAfter"] = certificate.NotAfter.ToString("O", CultureInfo.InvariantCulture), ["subject"] = certificate.Subject });
    }
}
