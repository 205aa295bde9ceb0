using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Acm;

/// <summary>A live certificate whose validation failed, timed out or is still pending, or whose renewal failed.</summary>
public sealed class CertificateNotValidated : ResourceRule<Certificate>
{
    public override IEnumerable<Finding> Check(Certificate certificate, RuleContext context)
    {
        var name = certificate.DomainName ?? certificate.DisplayName;
        var problem = certificate.Status switch
        {
            "FAILED" => "failed validation",
            "VALIDATION_TIMED_OUT" => "was never validated (validation timed out after 72 hours)",
            "PENDING_VALIDATION" => "is still waiting for domain validation, so it cannot be served",
            _ when certificate.RenewalStatus == "FAILED" => "failed to renew",
            _ when certificate.RenewalStatus == "PENDING_VALIDATION" => "cannot renew until its domain validation records are back",
            _ => null,
        };
        if (problem is null) yield break;
        yield return context.OnResource(certificate,
            $"ACM certificate {name} {problem}; create the DNS validation records ACM lists for it (or request a new certificate with validation_method = \"DNS\") so it is issued and renewed.",
            nameof(Certificate.Status));
    }
}
