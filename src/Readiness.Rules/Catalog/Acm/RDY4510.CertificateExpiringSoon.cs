using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Acm;

/// <summary>ACM.1: a live certificate that has expired or expires within within_days, with what serves it.</summary>
public sealed class CertificateExpiringSoon : ResourceRule<Certificate>
{
    public override IEnumerable<Finding> Check(Certificate certificate, RuleContext context)
    {
        if (certificate.NotAfter is not { } notAfter || certificate.Status is not ("ISSUED" or "EXPIRED")) yield break;
        var asOf = certificate.Provenance.ObservedAt ?? context.Now;
        var days = (int)Math.Floor((notAfter - asOf).TotalDays);
        var limit = context.Int("within_days");
        if (days >= limit) yield break;
        var when = days < 0 ? $"expired on {notAfter:yyyy-MM-dd}" : $"expires on {notAfter:yyyy-MM-dd}, in {days} days (limit {limit})";
        var served = certificate.InUseBy.Count > 0 ? $" and is served by {string.Join(", ", certificate.InUseBy)}" : "";
        yield return context.OnResource(certificate,
            $"ACM certificate {certificate.DomainName ?? certificate.DisplayName} {when}{served}; fix its DNS validation so ACM renews it, or request a new certificate and switch its listeners and distributions to it.",
            nameof(Certificate.NotAfter), properties: new Dictionary<string, string> { ["daysLeft"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
