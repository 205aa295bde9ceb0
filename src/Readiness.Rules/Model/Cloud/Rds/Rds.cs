namespace Readiness.Rules.Model.Cloud;

// The resources the launch checklists care about. Property names are the attribute names used in
// Provenance.AttributeLines, so a rule can point at the line that set the value it judges.
// Sources fill AWS defaults for attributes that are absent (e.g. DeletionProtection = false).

/// <summary>An RDS DB instance or Aurora cluster.</summary>
public sealed record DbInstance : CloudResource
{
    public bool IsCluster { get; init; }
    public override string Service => "rds";
    public override string Type => IsCluster ? "db-cluster" : "db-instance";
    public string? Engine { get; init; }
    public Value<bool> PubliclyAccessible { get; init; } = false;
    public Value<bool> DeletionProtection { get; init; } = false;
    public Value<bool> StorageEncrypted { get; init; } = false;
    public Value<bool> MultiAz { get; init; } = false;
    public Value<int> BackupRetentionPeriod { get; init; } = 1;

    /// <summary>Live only: the instance's subnets route to an internet gateway. Null when not collected.</summary>
    public Value<bool>? InPublicSubnet { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
}

/// <summary>A VPC security group with its ingress rules (inline or declared as separate rule resources).</summary>
public sealed record SecurityGroup : CloudResource
{
    public override string Service => "ec2";
    public override string Type => "security-group";
    public string? Name { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<IngressRule> Ingress { get; init; } = [];
}

/// <summary>
/// One ingress permission. Protocol "-1" means all traffic (ports then cover everything). Sources lists IPv4 and IPv6
/// CIDRs; an element that could not be resolved stays unknown. Line is where the permission is declared (0 for live).
/// </summary>
public sealed record IngressRule
{
    public string Protocol { get; init; } = "tcp";
    public Value<int> FromPort { get; init; } = 0;
    public Value<int> ToPort { get; init; } = 65535;
    public IReadOnlyList<Value<string>> Sources { get; init; } = [];
    public string? Description { get; init; }
    public int Line { get; init; }

    /// <summary>Terraform address or logical id when the permission is its own resource (aws_security_group_rule).</summary>
    public string? Address { get; init; }
}

/// <summary>A CloudFront distribution.</summary>
public sealed record Distribution : CloudResource
{
    public override string Service => "cloudfront";
    public override string Type => "distribution";
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The associated WAF web ACL id or ARN (for IaC possibly the referenced resource's address); null when none.</summary>
    public Value<string?> WebAclId { get; init; } = (string?)null;

    public IReadOnlyList<CacheBehavior> Behaviors { get; init; } = [];

    /// <summary>Viewer certificate minimum protocol, e.g. "TLSv1.2_2021". With the default certificate CloudFront allows TLSv1.</summary>
    public Value<string> MinimumProtocolVersion { get; init; } = "TLSv1";
    public Value<bool> UsesDefaultCertificate { get; init; } = true;
    public Value<bool> LoggingEnabled { get; init; } = false;
}

/// <summary>The default (PathPattern "*") or an ordered cache behavior.</summary>
public sealed record CacheBehavior
{
    public string PathPattern { get; init; } = "*";
    public Value<string> ViewerProtocolPolicy { get; init; } = "allow-all";

    /// <summary>Id of a response headers policy: an AWS managed policy id, or the Id of a <see cref="ResponseHeadersPolicy"/> in the inventory.</summary>
    public Value<string?> ResponseHeadersPolicyId { get; init; } = (string?)null;
    public int Line { get; init; }
}

/// <summary>A CloudFront response headers policy's security headers.</summary>
public sealed record ResponseHeadersPolicy : CloudResource
{
    public override string Service => "cloudfront";
    public override string Type => "response-headers-policy";
    public string? Name { get; init; }
    public Value<bool> HstsEnabled { get; init; } = false;
    public Value<int> HstsMaxAgeSeconds { get; init; } = 0;
    public Value<bool> HstsIncludeSubdomains { get; init; } = false;
    public Value<string?> ContentSecurityPolicy { get; init; } = (string?)null;

    /// <summary>"DENY" or "SAMEORIGIN", null when the policy sets no X-Frame-Options.</summary>
    public Value<string?> FrameOption { get; init; } = (string?)null;
    public Value<bool> ContentTypeOptions { get; init; } = false;
}

/// <summary>A WAFv2 web ACL.</summary>
public sealed record WebAcl : CloudResource
{
    public override string Service => "wafv2";
    public override string Type => "webacl";
    public string? Name { get; init; }

    /// <summary>"REGIONAL" or "CLOUDFRONT".</summary>
    public Value<string> Scope { get; init; } = "REGIONAL";

    /// <summary>"allow" or "block".</summary>
    public Value<string> DefaultAction { get; init; } = "allow";
    public IReadOnlyList<WafRule> Rules { get; init; } = [];
    public Value<bool> LoggingEnabled { get; init; } = false;

    /// <summary>ARNs (live) or addresses (IaC) of the load balancers, APIs and distributions this ACL protects.</summary>
    public IReadOnlyList<string> AssociatedResources { get; init; } = [];
}

public enum WafRuleKind
{
    RateBased,
    ManagedRuleGroup,
    RuleGroupReference,
    Custom,
}

/// <summary>One rule of a web ACL. CountOnly means its action (or override) only counts, so it blocks nothing.</summary>
public sealed record WafRule
{
    public required string Name { get; init; }
    public WafRuleKind Kind { get; init; }
    public string? ManagedVendor { get; init; }
    public string? ManagedName { get; init; }
    public long? RateLimit { get; init; }
    public bool CountOnly { get; init; }
    public int Line { get; init; }
}

/// <summary>A Secrets Manager secret.</summary>
public sealed record Secret : CloudResource
{
    public override string Service => "secretsmanager";
    public override string Type => "secret";
    public string? Name { get; init; }
    public Value<bool> RotationEnabled { get; init; } = false;
    public Value<int?> RotationIntervalDays { get; init; } = (int?)null;

    /// <summary>Live only.</summary>
    public DateTimeOffset? LastRotated { get; init; }
    public DateTimeOffset? Created { get; init; }
}

/// <summary>An IAM policy document, reduced to what the controls judge.</summary>
public sealed record PolicyDocument
{
    public IReadOnlyList<PolicyStatement> Statements { get; init; } = [];
}

public sealed record PolicyStatement
{
    public string Effect { get; init; } = "Allow";
    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<string> NotActions { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public bool HasCondition { get; init; }
}

/// <summary>An access key of an IAM user (never its secret).</summary>
public sealed record AccessKey
{
    public required string Id { get; init; }
    public bool Active { get; init; } = true;
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? LastUsed { get; init; }
}

/// <summary>An IAM user. Values the source could not know (IaC does not know MFA) are null.</summary>
public sealed record IamUser : CloudResource
{
    public override string Service => "iam";
    public override string Type => "user";
    public IReadOnlyList<string> AttachedPolicyArns { get; init; } = [];
    public IReadOnlyList<PolicyDocument> InlinePolicies { get; init; } = [];
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<AccessKey> AccessKeys { get; init; } = [];
    public bool? HasConsolePassword { get; init; }
    public bool? MfaEnabled { get; init; }
}

/// <summary>An IAM role.</summary>
public sealed record IamRole : CloudResource
{
    public override string Service => "iam";
    public override string Type => "role";
    public IReadOnlyList<string> AttachedPolicyArns { get; init; } = [];
    public IReadOnlyList<PolicyDocument> InlinePolicies { get; init; } = [];
    public PolicyDocument? AssumeRolePolicy { get; init; }
}

/// <summary>A customer managed IAM policy (AWS managed policies are judged by their well-known ARNs).</summary>
public sealed record IamPolicy : CloudResource
{
    public override string Service => "iam";
    public override string Type => "policy";
    public string? Name { get; init; }
    public Value<PolicyDocument?> Document { get; init; } = (PolicyDocument?)null;
}

/// <summary>An S3 bucket with its public access block and default encryption.</summary>
public sealed record S3Bucket : CloudResource
{
    public override string Service => "s3";
    public override string Type => "bucket";
    public Value<bool> BlockPublicAcls { get; init; } = false;
    public Value<bool> IgnorePublicAcls { get; init; } = false;
    public Value<bool> BlockPublicPolicy { get; init; } = false;
    public Value<bool> RestrictPublicBuckets { get; init; } = false;
    public Value<bool> EncryptionConfigured { get; init; } = false;
}

/// <summary>An Elastic Load Balancing v2 load balancer.</summary>
public sealed record LoadBalancer : CloudResource
{
    public override string Service => "elasticloadbalancing";
    public override string Type => "loadbalancer";
    public string? Name { get; init; }

    /// <summary>"application", "network" or "gateway".</summary>
    public string LoadBalancerType { get; init; } = "application";
    public Value<bool> InternetFacing { get; init; } = true;
    public IReadOnlyList<Listener> Listeners { get; init; } = [];

    /// <summary>The associated regional WAF web ACL (ARN, or address for IaC); null when none.</summary>
    public Value<string?> WebAclArn { get; init; } = (string?)null;
}

public sealed record Listener
{
    public string Protocol { get; init; } = "HTTP";
    public int Port { get; init; }
    public bool RedirectsToHttps { get; init; }
    public int Line { get; init; }
}

/// <summary>A VPC and whether flow logs capture its traffic.</summary>
public sealed record Vpc : CloudResource
{
    public override string Service => "ec2";
    public override string Type => "vpc";
    public Value<bool> FlowLogsEnabled { get; init; } = false;
}

/// <summary>A CloudTrail trail.</summary>
public sealed record Trail : CloudResource
{
    public override string Service => "cloudtrail";
    public override string Type => "trail";
    public Value<bool> IsMultiRegion { get; init; } = false;
    public Value<bool> IsLogging { get; init; } = true;
}

/// <summary>
/// Account-wide facts for one account and region, known only from a live account or where IaC declares them
/// (aws_ebs_encryption_by_default). Null means "not collected": rules stay silent rather than guess.
/// </summary>
public sealed record AccountSettings : CloudResource
{
    public override string Service => "account";
    public override string Type => "settings";
    public Value<bool>? EbsEncryptionByDefault { get; init; }
    public bool? RootMfaEnabled { get; init; }
    public bool? RootAccessKeysPresent { get; init; }

    /// <summary>Live only: services whose resources were read completely in this account and region (e.g. "cloudtrail").</summary>
    public IReadOnlySet<string> ServicesRead { get; init; } = new HashSet<string>();
}

/// <summary>A Terraform root module's state backend: where production state lives.</summary>
public sealed record TerraformBackend : CloudResource
{
    public override string Service => "terraform";
    public override string Type => "backend";

    /// <summary>"local" when the configuration declares none.</summary>
    public Value<string> BackendType { get; init; } = "local";
}

/// <summary>An IAM group. Its members (IamUser.Groups holds group names) hold its attached and inline policies.</summary>
public sealed record IamGroup : CloudResource
{
    public override string Service => "iam";
    public override string Type => "group";
    public IReadOnlyList<string> AttachedPolicyArns { get; init; } = [];
    public IReadOnlyList<PolicyDocument> InlinePolicies { get; init; } = [];
}
