using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>What every source decides alike about a distribution's origins and logs.</summary>
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

    /// <summary>The log type of a CloudFront distribution's access logs in CloudWatch Logs delivery sources.</summary>
    public const string AccessLogsType = "ACCESS_LOGS";

    /// <summary>
    /// Standard logging v2: a CloudWatch Logs delivery source of type ACCESS_LOGS for the distribution, with a delivery
    /// to a destination (S3, CloudWatch Logs or Firehose). A source that delivers nowhere writes no log.
    /// </summary>
    public static bool DeliversAccessLogs(IacResource distribution, IacScope scope, LogDeliveryNames names) =>
        scope.Companions(distribution, names.Source, names.ResourceArn)
            .Where(source => source.Body.Get(names.LogType) is AccessLogsType)
            .Any(source => scope.Companions(source, names.Delivery, names.SourceName).Count > 0);

    /// <summary>How Terraform and CloudFormation spell the log delivery resources and their attributes.</summary>
    public sealed record LogDeliveryNames(string Source, string ResourceArn, string LogType, string Delivery, string SourceName)
    {
        public static readonly LogDeliveryNames Terraform = new("aws_cloudwatch_log_delivery_source", "resource_arn", "log_type", "aws_cloudwatch_log_delivery", "delivery_source_name");
        public static readonly LogDeliveryNames CloudFormation = new("AWS::Logs::DeliverySource", "ResourceArn", "LogType", "AWS::Logs::Delivery", "DeliverySourceName");
    }
}
