using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Acm;

/// <summary>ACM.2: a certificate with an RSA key shorter than 2048 bits, or (live) signed with SHA-1 or MD5.</summary>
public sealed class WeakCertificateKey : ResourceRule<Certificate>
{
    public override IEnumerable<Finding> Check(Certificate certificate, RuleContext context)
    {
        var name = certificate.DomainName ?? certificate.DisplayName;
        foreach (var f in CloudJudge.Judge(context, certificate, certificate.KeyAlgorithm, nameof(Certificate.KeyAlgorithm), "has an RSA key of at least 2048 bits",
            algorithm => algorithm is "RSA_1024" or "RSA_512",
            () => context.OnResource(certificate, $"ACM certificate {name} has a {certificate.KeyAlgorithm.Known} key, which browsers and TLS clients reject as too weak; request it again with RSA_2048 or EC_prime256v1.", nameof(Certificate.KeyAlgorithm))))
            yield return f;
        if (certificate.SignatureAlgorithm is { } signature && (signature.Contains("SHA1", StringComparison.OrdinalIgnoreCase) || signature.Contains("MD5", StringComparison.OrdinalIgnoreCase)))
            yield return context.OnResource(certificate, $"ACM certificate {name} is signed with {signature}, which browsers no longer trust; replace it with a certificate signed with SHA-256 (every certificate ACM issues is).", nameof(Certificate.SignatureAlgorithm), fingerprintKey: "signature");
    }
}
