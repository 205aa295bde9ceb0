using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::CloudFront::Distribution and AWS::CloudFront::ResponseHeadersPolicy.</summary>
public sealed class CloudFrontCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::CloudFront::Distribution", "AWS::CloudFront::ResponseHeadersPolicy"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type == "AWS::CloudFront::Distribution" ? Distribution(r, scope) : HeadersPolicy(r);

    private static Distribution Distribution(IacResource r, IacScope scope)
    {
        var config = r.Body.Block("DistributionConfig");
        var behaviors = new List<CacheBehavior>();
        foreach (var (block, pattern) in (config?.Blocks("DefaultCacheBehavior") ?? []).Select(x => (x, (object?)"*"))
                     .Concat((config?.Blocks("CacheBehaviors") ?? []).Select(x => (x, x.Get("PathPattern")))))
        {
            behaviors.Add(new CacheBehavior
            {
                PathPattern = IacValues.AsString(pattern) ?? "?",
                ViewerProtocolPolicy = IacValue.String(block, "ViewerProtocolPolicy", CacheBehavior.Defaults.ViewerProtocolPolicy),
                ResponseHeadersPolicyId = IacValue.Reference(block, "ResponseHeadersPolicyId"),
                Line = block.Line,
            });
        }
        var certificate = config?.Block("ViewerCertificate");
        var usesDefault = certificate is null ? Rules.Model.Cloud.Distribution.Defaults.UsesDefaultCertificate : IacValue.Bool(certificate.Get("CloudFrontDefaultCertificate"), false);
        var protocolOrigin = certificate is null ? null : certificate.OriginOf("MinimumProtocolVersion") ?? ValueOrigin.InFile(r.File, certificate.Line);
        return new Distribution
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Aliases = IacValue.Strings(config?.Get("Aliases")),
            WebAclId = IacValue.Reference(config, "WebACLId"),
            Behaviors = behaviors,
            Origins = (config?.Blocks("Origins") ?? []).Select(Origin).ToList(),
            // With the default certificate CloudFront accepts TLSv1 whatever MinimumProtocolVersion says.
            MinimumProtocolVersion = (usesDefault.Known
                ? Rules.Model.Cloud.Distribution.Defaults.MinimumProtocolVersion
                : IacValue.String(certificate?.Get("MinimumProtocolVersion"), Rules.Model.Cloud.Distribution.Defaults.MinimumProtocolVersion)).From(protocolOrigin),
            UsesDefaultCertificate = usesDefault,
            LoggingEnabled = config?.Block("Logging") is not null || CloudFrontOrigins.DeliversAccessLogs(r, scope, CloudFrontOrigins.LogDeliveryNames.CloudFormation),
        };
    }

    private static DistributionOrigin Origin(IacBody origin)
    {
        var custom = origin.Block("CustomOriginConfig");
        var s3 = origin.Block("S3OriginConfig");
        var domain = IacValue.Text(origin.Get("DomainName"));
        var oac = IacValue.Reference(origin, "OriginAccessControlId");
        var oai = s3 is null ? (string?)null : IacValue.Reference(s3, "OriginAccessIdentity");
        return new DistributionOrigin
        {
            Id = IacValue.Text(origin.Get("Id")),
            DomainName = domain,
            TargetResource = (origin.Get("DomainName") as IacUnknown)?.Reference,
            IsS3 = custom is null && (s3 is not null || oac.Known is not null || !oac.IsKnown || CloudFrontOrigins.LooksLikeS3(domain)),
            AccessControlled = CloudFrontOrigins.AccessControlled(oac, oai),
            // CloudFormation's default for a custom origin is match-viewer.
            ProtocolPolicy = custom is null ? (string?)null : IacValue.Optional(custom.Get("OriginProtocolPolicy") ?? "match-viewer").From(custom.OriginOf("OriginProtocolPolicy")),
            Line = origin.Line,
        };
    }

    private static ResponseHeadersPolicy HeadersPolicy(IacResource r)
    {
        var config = r.Body.Block("ResponseHeadersPolicyConfig");
        var security = config?.Block("SecurityHeadersConfig");
        var hsts = security?.Block("StrictTransportSecurity");
        var csp = security?.Block("ContentSecurityPolicy");
        var frame = security?.Block("FrameOptions");
        return new ResponseHeadersPolicy
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Name = config?.Get("Name") as string,
            HstsEnabled = Value<bool>.Of(hsts is not null).From(hsts is null ? null : ValueOrigin.InFile(r.File, hsts.Line)),
            HstsMaxAgeSeconds = hsts is null ? ResponseHeadersPolicy.Defaults.HstsMaxAgeSeconds : IacValue.Int(hsts, "AccessControlMaxAgeSec", 0),
            HstsIncludeSubdomains = hsts is null ? ResponseHeadersPolicy.Defaults.HstsIncludeSubdomains : IacValue.Bool(hsts, "IncludeSubdomains", false),
            ContentSecurityPolicy = csp is null ? (string?)null : IacValue.Optional(csp, "ContentSecurityPolicy"),
            FrameOption = frame is null ? (string?)null : IacValue.Optional(frame, "FrameOption"),
            ContentTypeOptions = security?.Block("ContentTypeOptions") is not null,
        };
    }
}
