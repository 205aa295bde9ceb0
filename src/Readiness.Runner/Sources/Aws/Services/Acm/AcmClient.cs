using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IAcmClient
{
    Task<IReadOnlyList<Certificate>> ListCertificatesAsync(string account, string region, CancellationToken ct);
}

/// <summary>ACM over JSON 1.1: ListCertificates (every key type and status, paged by NextToken), then DescribeCertificate per certificate.</summary>
public sealed class AcmClient(AwsSession session) : IAcmClient
{
    private static readonly string[] KeyTypes =
        ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

    private readonly JsonProtocol json = new(session, "acm", "acm", "CertificateManager");

    public async Task<IReadOnlyList<Certificate>> ListCertificatesAsync(string account, string region, CancellationToken ct)
    {
        // Without Includes.keyTypes ListCertificates leaves out every key type but RSA_1024, RSA_2048 and P-256.
        var request = new JsonObject { ["MaxItems"] = 1000, ["Includes"] = new JsonObject { ["keyTypes"] = new JsonArray([.. KeyTypes.Select(k => (JsonNode)k)]) } };
        var arns = new List<string>();
        await foreach (var page in json.PagesAsync(region, "ListCertificates", request, "NextToken", ct, items: "CertificateSummaryList").ConfigureAwait(false))
            arns.AddRange(page.Arr("CertificateSummaryList").Select(c => c.Str("CertificateArn")).OfType<string>());
        var certificates = new List<Certificate>();
        foreach (var arn in arns)
        {
            var c = (await json.CallAsync(region, "DescribeCertificate", new JsonObject { ["CertificateArn"] = arn }, ct, items: "Certificate").ConfigureAwait(false)).Obj("Certificate");
            certificates.Add(new Certificate
            {
                Id = arn.Split('/')[^1],
                DomainName = c.Str("DomainName"),
                KeyAlgorithm = c.Str("KeyAlgorithm") ?? Certificate.Defaults.KeyAlgorithm,
                SignatureAlgorithm = c.Str("SignatureAlgorithm"),
                Status = c.Str("Status"),
                RenewalStatus = c.Obj("RenewalSummary").Str("RenewalStatus"),
                NotAfter = c.Epoch("NotAfter"),
                InUseBy = c.Arr("InUseBy").Select(u => u.GetString()).OfType<string>().ToList(),
                Provenance = Ec2Client.Live(account, region, arn),
            });
        }
        return certificates;
    }
}
