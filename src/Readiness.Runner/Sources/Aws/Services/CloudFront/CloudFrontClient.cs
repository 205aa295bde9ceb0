using System.Xml.Linq;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface ICloudFrontClient
{
    Task<IReadOnlyList<Distribution>> ListDistributionsAsync(string account, CancellationToken ct);

    /// <summary>All response headers policies (custom and AWS managed) with their security headers.</summary>
    Task<IReadOnlyList<ResponseHeadersPolicy>> ListResponseHeadersPoliciesAsync(string account, CancellationToken ct);
}

/// <summary>CloudFront over REST-XML (API version 2020-05-31). CloudFront is global: one pass per account.</summary>
public sealed class CloudFrontClient(AwsSession session) : ICloudFrontClient
{
    private const string Api = "/2020-05-31";
    private readonly RestXmlProtocol rest = new(session, "cloudfront", "cloudfront");

    public async Task<IReadOnlyList<Distribution>> ListDistributionsAsync(string account, CancellationToken ct)
    {
        var summaries = new List<XElement>();
        await foreach (var list in PagesAsync("ListDistributions", "/distribution", ct).ConfigureAwait(false))
            summaries.AddRange(list.Items("Items", "DistributionSummary"));

        var result = new List<Distribution>();
        foreach (var d in summaries)
        {
            var id = d.Str("Id")!;
            var config = await rest.GetAsync(AwsSession.GlobalRegion, "GetDistributionConfig", $"{Api}/distribution/{Uri.EscapeDataString(id)}/config", ct).ConfigureAwait(false);
            // The configuration holds every setting; list summaries are not complete in every implementation.
            var c = config.Name.LocalName == "DistributionConfig" ? config : config.El("DistributionConfig") ?? config;
            var certificate = c.El("ViewerCertificate");
            // A named ACM or IAM certificate is a custom one (AWS rejects it together with the default certificate).
            var customCertificate = certificate.Str("ACMCertificateArn") is not null || certificate.Str("IAMCertificateId") is not null;
            var defaultCertificate = !customCertificate && certificate.Bool("CloudFrontDefaultCertificate", absent: true);
            var behaviors = new List<CacheBehavior> { Behavior(c.El("DefaultCacheBehavior"), "*") };
            behaviors.AddRange(c.El("CacheBehaviors").El("Items").Els("CacheBehavior").Select(b => Behavior(b, b.Str("PathPattern") ?? "*")));
            result.Add(new Distribution
            {
                Id = id,
                Aliases = c.El("Aliases").El("Items").Els("CNAME").Select(a => a.Value).ToList(),
                WebAclId = c.Str("WebACLId"),
                Behaviors = behaviors,
                Origins = c.El("Origins").El("Items").Els("Origin").Select(ReadOrigin).ToList(),
                UsesDefaultCertificate = defaultCertificate,
                MinimumProtocolVersion = defaultCertificate ? "TLSv1" : certificate.Str("MinimumProtocolVersion") ?? "TLSv1",
                LoggingEnabled = c.El("Logging").Bool("Enabled"),
                Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Arn = d.Str("ARN") ?? $"arn:aws:cloudfront::{account}:distribution/{id}" },
            });
        }
        return result;
    }

    private static DistributionOrigin ReadOrigin(XElement o)
    {
        var custom = o.El("CustomOriginConfig");
        var domain = o.Str("DomainName") ?? "";
        return new DistributionOrigin
        {
            Id = o.Str("Id") ?? "",
            DomainName = domain,
            IsS3 = custom is null,
            // An origin without either is given as empty elements.
            AccessControlled = o.Str("OriginAccessControlId") is { Length: > 0 } || o.El("S3OriginConfig").Str("OriginAccessIdentity") is { Length: > 0 },
            ProtocolPolicy = custom.Str("OriginProtocolPolicy"),
        };
    }

    private static CacheBehavior Behavior(XElement? b, string pattern) => new()
    {
        PathPattern = pattern,
        ViewerProtocolPolicy = b.Str("ViewerProtocolPolicy") ?? "allow-all",
        ResponseHeadersPolicyId = b.Str("ResponseHeadersPolicyId"),
    };

    public async Task<IReadOnlyList<ResponseHeadersPolicy>> ListResponseHeadersPoliciesAsync(string account, CancellationToken ct)
    {
        var result = new List<ResponseHeadersPolicy>();
        await foreach (var list in PagesAsync("ListResponseHeadersPolicies", "/response-headers-policy", ct).ConfigureAwait(false))
        {
            foreach (var summary in list.Items("Items", "ResponseHeadersPolicySummary"))
            {
                var policy = summary.El("ResponseHeadersPolicy");
                var id = policy.Str("Id")!;
                var config = policy.El("ResponseHeadersPolicyConfig");
                var security = config.El("SecurityHeadersConfig");
                var hsts = security.El("StrictTransportSecurity");
                result.Add(new ResponseHeadersPolicy
                {
                    Id = id,
                    Name = config.Str("Name"),
                    HstsEnabled = hsts is not null,
                    HstsMaxAgeSeconds = hsts.Int("AccessControlMaxAgeSec") ?? 0,
                    HstsIncludeSubdomains = hsts.Bool("IncludeSubdomains"),
                    ContentSecurityPolicy = security.El("ContentSecurityPolicy").Str("ContentSecurityPolicy"),
                    FrameOption = security.El("FrameOptions").Str("FrameOption"),
                    ContentTypeOptions = security.El("ContentTypeOptions") is not null,
                    Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Arn = $"arn:aws:cloudfront::{account}:response-headers-policy/{id}" },
                });
            }
        }
        return result;
    }

    /// <summary>Every page of a CloudFront list: Marker in, NextMarker out (IsTruncated where the list has it).</summary>
    private async IAsyncEnumerable<XElement> PagesAsync(string operation, string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? marker = null;
        var pages = new AwsPages("cloudfront", AwsSession.GlobalRegion, operation, session.Transport.Options.MaxPages);
        do
        {
            var query = "?MaxItems=100" + (marker is null ? "" : "&Marker=" + AwsSigner.Encode(marker));
            var list = await rest.GetAsync(AwsSession.GlobalRegion, operation, Api + path + query, ct, items: "Quantity").ConfigureAwait(false);
            yield return list;
            marker = pages.Next(list.El("IsTruncated") is null || list.Bool("IsTruncated") ? list.Str("NextMarker") : null);
        }
        while (marker is not null);
    }
}
