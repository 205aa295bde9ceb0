using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// An expired, not-yet-valid or wrong-host certificate, seen when --insecure let the scan go on (without it the
/// target cannot be fetched and is a coverage gap naming the same problem).
/// </summary>
public sealed class CertificateInvalid : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        if (target.Certificate is not { } certificate) yield break;
        var host = new Uri(target.Url).Host;
        string Date(DateTimeOffset d) => d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var props = new Dictionary<string, string>(StringComparer.Ordinal) { ["subject"] = certificate.Subject };
        if (certificate.NotAfter <= context.Now)
            yield return context.AtEndpoint(target.Url,
                $"The TLS certificate of {host} ({certificate.Subject}) expired on {Date(certificate.NotAfter)}, so browsers refuse the site; install a renewed certificate.",
                $"Not after: {Date(certificate.NotAfter)}", "certificate-expired", props);
        else if (certificate.NotBefore > context.Now)
            yield return context.AtEndpoint(target.Url,
                $"The TLS certificate of {host} ({certificate.Subject}) is not valid before {Date(certificate.NotBefore)}, so browsers refuse the site until then; check the server's clock and the certificate's dates.",
                $"Not before: {Date(certificate.NotBefore)}", "certificate-not-yet-valid", props);
        if (!certificate.NameMatches)
            yield return context.AtEndpoint(target.Url,
                $"The TLS certificate served for {host} is issued to {certificate.Subject} and does not name {host}, so browsers refuse the site; issue a certificate whose subject alternative names include {host}.",
                $"Subject: {certificate.Subject}", "certificate-name-mismatch", props);
    }
}
