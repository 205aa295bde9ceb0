namespace Readiness.Rules.Model.Cloud;

// CloudFront: distributions and response headers policies. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A CloudFront distribution.</summary>
public sealed record Distribution : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string MinimumProtocolVersion = "TLSv1";
        public const bool UsesDefaultCertificate = true;
        public const bool LoggingEnabled = false;
    }

    public override string Service => "cloudfront";
    public override string Type => "distribution";
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The associated WAF web ACL id or ARN (for IaC possibly the referenced resource's address); null when none.</summary>
    public Value<string?> WebAclId { get; init; } = (string?)null;

    public IReadOnlyList<CacheBehavior> Behaviors { get; init; } = [];
    public IReadOnlyList<DistributionOrigin> Origins { get; init; } = [];

    /// <summary>Viewer certificate minimum protocol, e.g. "TLSv1.2_2021". With the default certificate CloudFront allows TLSv1.</summary>
    public Value<string> MinimumProtocolVersion { get; init; } = Defaults.MinimumProtocolVersion;
    public Value<bool> UsesDefaultCertificate { get; init; } = Defaults.UsesDefaultCertificate;
    public Value<bool> LoggingEnabled { get; init; } = Defaults.LoggingEnabled;
}

/// <summary>One origin of a distribution: an S3 bucket's REST endpoint or a custom origin (a load balancer, a website endpoint, any host).</summary>
public sealed record DistributionOrigin
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool AccessControlled = false;
    }

    public string Id { get; init; } = "";

    /// <summary>The origin's domain name as written (for IaC possibly the expression that computes it).</summary>
    public string DomainName { get; init; } = "";

    /// <summary>IaC: the resource whose attribute the domain name is (aws_lb.api.dns_name: aws_lb.api; !GetAtt Alb.DNSName: Alb).</summary>
    public string? TargetResource { get; init; }

    /// <summary>True for an S3 REST endpoint (s3_origin_config / S3OriginConfig, or an origin access control); false for a custom origin.</summary>
    public bool IsS3 { get; init; }

    /// <summary>S3 origins: CloudFront signs its requests with an origin access control, or uses an origin access identity.</summary>
    public Value<bool> AccessControlled { get; init; } = Defaults.AccessControlled;

    /// <summary>Custom origins: "https-only", "http-only" or "match-viewer"; null for S3 origins.</summary>
    public Value<string?> ProtocolPolicy { get; init; } = (string?)null;

    public int Line { get; init; }
}

/// <summary>The default (PathPattern "*") or an ordered cache behavior.</summary>
public sealed record CacheBehavior
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string ViewerProtocolPolicy = "allow-all";
    }

    public string PathPattern { get; init; } = "*";
    public Value<string> ViewerProtocolPolicy { get; init; } = Defaults.ViewerProtocolPolicy;

    /// <summary>Id of a response headers policy: an AWS managed policy id, or the Id of a <see cref="ResponseHeadersPolicy"/> in the inventory.</summary>
    public Value<string?> ResponseHeadersPolicyId { get; init; } = (string?)null;
    public int Line { get; init; }
}

/// <summary>A CloudFront response headers policy's security headers.</summary>
public sealed record ResponseHeadersPolicy : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool HstsEnabled = false;
        public const int HstsMaxAgeSeconds = 0;
        public const bool HstsIncludeSubdomains = false;
        public const bool ContentTypeOptions = false;
    }

    public override string Service => "cloudfront";
    public override string Type => "response-headers-policy";
    public string? Name { get; init; }
    public Value<bool> HstsEnabled { get; init; } = Defaults.HstsEnabled;
    public Value<int> HstsMaxAgeSeconds { get; init; } = Defaults.HstsMaxAgeSeconds;
    public Value<bool> HstsIncludeSubdomains { get; init; } = Defaults.HstsIncludeSubdomains;
    public Value<string?> ContentSecurityPolicy { get; init; } = (string?)null;

    /// <summary>"DENY" or "SAMEORIGIN", null when the policy sets no X-Frame-Options.</summary>
    public Value<string?> FrameOption { get; init; } = (string?)null;
    public Value<bool> ContentTypeOptions { get; init; } = Defaults.ContentTypeOptions;
}
