using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>What every source decides alike about a distribution's origins.</summary>
public static class CloudFrontOrigins
{
    /// <summary>
    /// An S3 REST endpoint (bucket.s3.amazonaws.com, bucket.s3.us-east-1.amazonaws.com, or a Terraform bucket's
    /// bucket_regional_domain_name / bucket_domain_name, a CloudFormation bucket's RegionalDomainName); website endpoints (s3-website) are custom origins.
    /// </summary>
    public static bool LooksLikeS3(string domain) =>
        !domain.Contains("s3-website", StringComparison.OrdinalIgnoreCase)
        && !domain.Contains("website_endpoint", StringComparison.OrdinalIgnoreCase)
        && (domain.Contains(".s3.", StringComparison.OrdinalIgnoreCase) || domain.Contains(".s3-", StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("bucket_regional_domain_name", StringComparison.Ordinal) || domain.EndsWith("bucket_domain_name", StringComparison.Ordinal)
            || domain.Contains("RegionalDomainName", StringComparison.Ordinal));

    /// <summary>An origin access control id or an origin access identity is set; unknown when the one set is unresolved.</summary>
    public static Value<bool> AccessControlled(Value<string?> oac, Value<string?> oai)
    {
        if (oac is { IsKnown: true, Known.Length: > 0 }) return Value<bool>.Of(true).From(oac.Origin);
        if (oai is { IsKnown: true, Known.Length: > 0 }) return Value<bool>.Of(true).From(oai.Origin);
        if (!oac.IsKnown) return Value<bool>.Unresolved(oac.Expression ?? "origin_access_control_id").From(oac.Origin);
        if (!oai.IsKnown) return Value<bool>.Unresolved(oai.Expression ?? "origin_access_identity").From(oai.Origin);
        return DistributionOrigin.Defaults.AccessControlled;
    }
}
