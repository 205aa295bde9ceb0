using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_cloudfront_distribution and aws_cloudfront_response_headers_policy.</summary>
public sealed class CloudFrontTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_cloudfront_distribution", "aws_cloudfront_response_headers_policy"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type == "aws_cloudfront_distribution" ? Distribution(r, scope) : HeadersPolicy(r);

    private static Distribution Distribution(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var behaviors = new List<CacheBehavior>();
        foreach (var (block, pattern) in b.Blocks("default_cache_behavior").Select(x => (x, (object?)"*"))
                     .Concat(b.Blocks("ordered_cache_behavior").Select(x => (x, x.Get("path_pattern")))))
        {
            behaviors.Add(new CacheBehavior
            {
                PathPattern = IacValues.AsString(pattern) ?? "?",
                ViewerProtocolPolicy = IacValue.String(block, "viewer_protocol_policy", CacheBehavior.Defaults.ViewerProtocolPolicy),
                ResponseHeadersPolicyId = IacValue.Reference(block, "response_headers_policy_id"),
                Line = block.Line,
            });
        }
        var certificate = b.Block("viewer_certificate");
        var usesDefault = certificate is null ? Rules.Model.Cloud.Distribution.Defaults.UsesDefaultCertificate : IacValue.Bool(certificate, "cloudfront_default_certificate", false);
        var protocolOrigin = certificate is null ? null : certificate.OriginOf("minimum_protocol_version") ?? ValueOrigin.InFile(r.File, certificate.Line);
        return new Distribution
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Aliases = IacValue.Strings(b.Get("aliases")),
            WebAclId = IacValue.Reference(b, "web_acl_id"),
            Behaviors = behaviors,
            Origins = b.Blocks("origin").Select(Origin).ToList(),
            // With the default certificate CloudFront accepts TLSv1 whatever minimum_protocol_version says.
            MinimumProtocolVersion = (usesDefault.Known
                ? Rules.Model.Cloud.Distribution.Defaults.MinimumProtocolVersion
                : IacValue.String(certificate?.Get("minimum_protocol_version"), Rules.Model.Cloud.Distribution.Defaults.MinimumProtocolVersion)).From(protocolOrigin),
            UsesDefaultCertificate = usesDefault,
            LoggingEnabled = b.Block("logging_config") is not null || CloudFrontOrigins.DeliversAccessLogs(r, scope, CloudFrontOrigins.LogDeliveryNames.Terraform),
        };
    }

    private static DistributionOrigin Origin(IacBody origin)
    {
        var custom = origin.Block("custom_origin_config");
        var s3 = origin.Block("s3_origin_config");
        var domain = IacValue.Text(origin.Get("domain_name"));
        var oac = IacValue.Reference(origin, "origin_access_control_id");
        var oai = s3 is null ? (string?)null : IacValue.Reference(s3, "origin_access_identity");
        return new DistributionOrigin
        {
            Id = IacValue.Text(origin.Get("origin_id")),
            DomainName = domain,
            TargetResource = (origin.Get("domain_name") as IacUnknown)?.Reference,
            IsS3 = custom is null && (s3 is not null || oac.Known is not null || !oac.IsKnown || CloudFrontOrigins.LooksLikeS3(domain)),
            AccessControlled = CloudFrontOrigins.AccessControlled(oac, oai),
            ProtocolPolicy = custom is null ? (string?)null : IacValue.Optional(custom, "origin_protocol_policy"),
            Line = origin.Line,
        };
    }

    private static ResponseHeadersPolicy HeadersPolicy(IacResource r)
    {
        var security = r.Body.Block("security_headers_config");
        var hsts = security?.Block("strict_transport_security");
        var csp = security?.Block("content_security_policy");
        var frame = security?.Block("frame_options");
        var hstsLine = hsts?.Line ?? security?.Line ?? 0;
        return new ResponseHeadersPolicy
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Name = r.Body.Get("name") as string,
            HstsEnabled = Value<bool>.Of(hsts is not null).From(hstsLine > 0 ? ValueOrigin.InFile(r.File, hstsLine) : null),
            HstsMaxAgeSeconds = hsts is null ? ResponseHeadersPolicy.Defaults.HstsMaxAgeSeconds : IacValue.Int(hsts, "access_control_max_age_sec", 0),
            HstsIncludeSubdomains = hsts is null ? ResponseHeadersPolicy.Defaults.HstsIncludeSubdomains : IacValue.Bool(hsts, "include_subdomains", false),
            ContentSecurityPolicy = csp is null ? (string?)null : IacValue.Optional(csp, "content_security_policy"),
            FrameOption = frame is null ? (string?)null : IacValue.Optional(frame, "frame_option"),
            ContentTypeOptions = security?.Block("content_type_options") is not null,
        };
    }
}
