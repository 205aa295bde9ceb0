using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.CloudFrontClient"/> reads a distribution's attributes from.</summary>
public sealed class DistributionLiveFields : LiveFields<Distribution>
{
    protected override IReadOnlyDictionary<string, string> For(Distribution distribution) => new Dictionary<string, string>
    {
        [nameof(Distribution.WebAclId)] = "GetDistributionConfig.DistributionConfig.WebACLId",
        [nameof(Distribution.MinimumProtocolVersion)] = "GetDistributionConfig.DistributionConfig.ViewerCertificate.MinimumProtocolVersion",
        [nameof(Distribution.UsesDefaultCertificate)] = "GetDistributionConfig.DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate",
        [nameof(Distribution.LoggingEnabled)] = "GetDistributionConfig.DistributionConfig.Logging.Enabled",
    };
}

/// <summary>The API fields <see cref="Clients.CloudFrontClient"/> reads a response headers policy from.</summary>
public sealed class ResponseHeadersPolicyLiveFields : LiveFields<ResponseHeadersPolicy>
{
    private const string Security = "ListResponseHeadersPolicies.ResponseHeadersPolicyList.Items[].ResponseHeadersPolicy.ResponseHeadersPolicyConfig.SecurityHeadersConfig.";

    protected override IReadOnlyDictionary<string, string> For(ResponseHeadersPolicy policy) => new Dictionary<string, string>
    {
        [nameof(ResponseHeadersPolicy.HstsEnabled)] = Security + "StrictTransportSecurity",
        [nameof(ResponseHeadersPolicy.HstsMaxAgeSeconds)] = Security + "StrictTransportSecurity.AccessControlMaxAgeSec",
        [nameof(ResponseHeadersPolicy.HstsIncludeSubdomains)] = Security + "StrictTransportSecurity.IncludeSubdomains",
        [nameof(ResponseHeadersPolicy.ContentSecurityPolicy)] = Security + "ContentSecurityPolicy.ContentSecurityPolicy",
        [nameof(ResponseHeadersPolicy.FrameOption)] = Security + "FrameOptions.FrameOption",
        [nameof(ResponseHeadersPolicy.ContentTypeOptions)] = Security + "ContentTypeOptions",
    };
}
