using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::CloudFront::Distribution and AWS::CloudFront::ResponseHeadersPolicy.</summary>
public sealed class CloudFrontCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::CloudFront::Distribution", "AWS::CloudFront::ResponseHeadersPolicy"];

    public CloudResource? Map(IacResource r, IacScope scope) => r.Type == "AWS::CloudFront::Distribution" ? Distribution(r) : HeadersPolicy(r);

    private static Distribution Distribution(IacResource r)
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
            // With the default certificate CloudFront accepts TLSv1 whatever MinimumProtocolVersion says.
            MinimumProtocolVersion = (usesDefault.Known
                ? Rules.Model.Cloud.Distribution.Defaults.MinimumProtocolVersion
                : IacValue.String(certificate?.Get("MinimumProtocolVersion"), Rules.Model.Cloud.Distribution.Defaults.MinimumProtocolVersion)).From(protocolOrigin),
            UsesDefaultCertificate = usesDefault,
            LoggingEnabled = config?.Block("Logging") is not null,
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
